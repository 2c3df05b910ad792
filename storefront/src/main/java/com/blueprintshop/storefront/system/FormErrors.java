package com.blueprintshop.storefront.system;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Puts a backend's field errors next to the form's fields. A field the form does not have (or
 * a nested one such as {@code price.amount} that the form holds as {@code price}) lands on the
 * closest field, or on the form as a whole.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void bind(RejectedInputException rejection, BindingResult form) {
		BeanWrapperImpl fields = new BeanWrapperImpl(form.getTarget());
		for (RejectedInputException.FieldProblem error : rejection.errors()) {
			String field = closestField(fields, error.field());
			if (field != null) {
				form.rejectValue(field, "rejected", error.message());
			}
			else {
				form.reject("rejected", error.message());
			}
		}
		if (rejection.errors().isEmpty()) {
			form.reject("rejected", rejection.detail());
		}
	}

	private static String closestField(BeanWrapperImpl fields, String field) {
		if (field == null || field.isBlank()) {
			return null;
		}
		if (fields.isReadableProperty(field)) {
			return field;
		}
		int dot = field.indexOf('.');
		if (dot > 0 && fields.isReadableProperty(field.substring(0, dot))) {
			return field.substring(0, dot);
		}
		return null;
	}

}
