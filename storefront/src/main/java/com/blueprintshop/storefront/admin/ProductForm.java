package com.blueprintshop.storefront.admin;

import java.math.BigDecimal;

/** The product editor's fields; {@code version} travels in a hidden field for optimistic locking. */
class ProductForm {

	private String name;

	private String description;

	private String categorySlug;

	private BigDecimal price;

	private boolean featured;

	private Long version;

	static ProductForm of(AdminProduct product) {
		ProductForm form = new ProductForm();
		form.name = product.name();
		form.description = product.description();
		form.categorySlug = (product.category() != null) ? product.category().slug() : null;
		form.price = (product.price() != null) ? product.price().amount() : null;
		form.featured = product.featured();
		form.version = product.version();
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getCategorySlug() {
		return this.categorySlug;
	}

	public void setCategorySlug(String categorySlug) {
		this.categorySlug = categorySlug;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public boolean isFeatured() {
		return this.featured;
	}

	public void setFeatured(boolean featured) {
		this.featured = featured;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
