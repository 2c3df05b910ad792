package com.blueprintshop.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTests {

	private static final String TWO_INSTANCES = """
			{"applications":{"versions__delta":"1","apps__hashcode":"UP_2_","application":[
			  {"name":"STOREFRONT","instance":[
			    {"instanceId":"storefront-1:8081","app":"STOREFRONT","status":"UP","port":{"$":8081,"@enabled":"true"}},
			    {"instanceId":"storefront-2:8082","app":"STOREFRONT","status":"STARTING","port":{"$":8082,"@enabled":"true"}}]},
			  {"name":"CATALOG","instance":[
			    {"instanceId":"catalog-1:9002","app":"CATALOG","status":"UP","port":{"$":9002,"@enabled":"true"}}]}]}}
			""";

	private static final String SINGLE_OBJECTS = """
			{"applications":{"application":
			  {"name":"GATEWAY","instance":
			    {"instanceId":"gateway-1:8080","status":"UP","port":{"$":8080,"@enabled":"true"}}}}}
			""";

	@Test
	void findsAnInstanceThatIsUpOnItsPort() {
		assertThat(Readiness.eurekaListsUp(TWO_INSTANCES, "STOREFRONT", 8081)).isTrue();
		assertThat(Readiness.eurekaListsUp(TWO_INSTANCES, "CATALOG", 9002)).isTrue();
	}

	@Test
	void doesNotCountAnInstanceThatIsNotUpOrOnAnotherPort() {
		assertThat(Readiness.eurekaListsUp(TWO_INSTANCES, "STOREFRONT", 8082)).isFalse();
		assertThat(Readiness.eurekaListsUp(TWO_INSTANCES, "CATALOG", 9003)).isFalse();
		assertThat(Readiness.eurekaListsUp(TWO_INSTANCES, "ORDER", 9004)).isFalse();
	}

	@Test
	void readsTheSingleObjectFormEurekaUsesForListsOfOne() {
		assertThat(Readiness.eurekaListsUp(SINGLE_OBJECTS, "GATEWAY", 8080)).isTrue();
	}

	@Test
	void readsAnEmptyRegistry() {
		assertThat(Readiness.eurekaListsUp("{\"applications\":{\"application\":[]}}", "CATALOG", 9002)).isFalse();
	}

}
