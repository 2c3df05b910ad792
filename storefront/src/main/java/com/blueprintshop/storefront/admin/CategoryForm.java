package com.blueprintshop.storefront.admin;

/** The category editor's fields. */
class CategoryForm {

	private String name;

	private String parentSlug;

	private String description;

	static CategoryForm of(AdminCategory category) {
		CategoryForm form = new CategoryForm();
		form.name = category.name();
		form.parentSlug = category.parentSlug();
		form.description = category.description();
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getParentSlug() {
		return this.parentSlug;
	}

	public void setParentSlug(String parentSlug) {
		this.parentSlug = parentSlug;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

}
