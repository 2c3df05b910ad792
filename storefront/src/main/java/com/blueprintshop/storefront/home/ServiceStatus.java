package com.blueprintshop.storefront.home;

/**
 * One service as the system page shows it: what it answered through the gateway, or why not.
 *
 * @param service the service name
 * @param up whether it answered
 * @param instance the instance that answered
 * @param version its build version
 * @param database its database name, server version and schema version, as one line
 * @param millis round trip from the storefront through the gateway and back
 * @param problem why it did not answer
 */
record ServiceStatus(String service, boolean up, String instance, String version, String database, long millis,
		String problem) {

	static ServiceStatus answered(About about, long millis) {
		String database = "%s · %s · schema v%s".formatted(about.database().name(), about.database().server(),
				about.database().schemaVersion());
		return new ServiceStatus(about.service(), true, about.instance(), about.version(), database, millis, null);
	}

	static ServiceStatus failed(String service, String problem, long millis) {
		return new ServiceStatus(service, false, null, null, null, millis, problem);
	}

	/** The fields of a service's {@code GET /about} that the storefront reads. */
	record About(String service, String instance, String version, Database database) {

		record Database(String name, String server, String schemaVersion) {
		}

	}

}
