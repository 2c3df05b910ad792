package com.blueprintshop.catalog.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.blueprintshop.catalog.system.Texts;

/**
 * What staff send to create or edit a category.
 *
 * @param name 1 to 120 characters
 * @param parentSlug the parent category, or {@code null} for a department
 * @param description at most 4,000 characters
 */
public record CategoryForm(
		@NotBlank @Size(max = 120) @Pattern(regexp = Texts.NO_CONTROL_CHARACTERS,
				message = "must not contain control characters") String name,
		@Size(max = 80) String parentSlug,
		@Size(max = 4000) @Pattern(regexp = Texts.NO_CONTROL_CHARACTERS_BUT_LINES,
				message = "must not contain control characters") String description) {
}
