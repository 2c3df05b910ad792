package com.blueprintshop.catalog.product.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.blueprintshop.catalog.image.ImageLink;
import com.blueprintshop.catalog.image.Images;
import com.blueprintshop.catalog.product.AdminProductRow;
import com.blueprintshop.catalog.product.ProductAdmin;
import com.blueprintshop.catalog.product.ProductDetail;
import com.blueprintshop.catalog.product.ProductForm;
import com.blueprintshop.catalog.product.ProductQueries;
import com.blueprintshop.catalog.system.ApiException;
import com.blueprintshop.catalog.system.Page;
import com.blueprintshop.catalog.system.PageRequest;

/** Staff only (role ADMIN, see the security filter chain). */
@RestController
@RequestMapping("/admin/products")
class AdminProductController {

	private final ProductQueries queries;

	private final ProductAdmin admin;

	AdminProductController(ProductQueries queries, ProductAdmin admin) {
		this.queries = queries;
		this.admin = admin;
	}

	@GetMapping
	Page<AdminProductRow> list(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") @Min(1) @Max(PageRequest.MAX_PAGE) int page,
			@RequestParam(defaultValue = "24") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		return this.queries.adminList(q, status, new PageRequest(page, size));
	}

	@GetMapping("/{id}")
	ProductDetail get(@PathVariable UUID id) {
		return this.queries.anyById(id);
	}

	@PostMapping
	ResponseEntity<ProductDetail> create(@Valid @RequestBody ProductForm form) {
		ProductDetail created = this.admin.create(form);
		return ResponseEntity.created(URI.create("/admin/products/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	ProductDetail update(@PathVariable UUID id, @Valid @RequestBody ProductForm form) {
		return this.admin.update(id, form);
	}

	@PostMapping("/{id}/retire")
	ProductDetail retire(@PathVariable UUID id) {
		return this.admin.retire(id);
	}

	@PostMapping("/{id}/restore")
	ProductDetail restore(@PathVariable UUID id) {
		return this.admin.restore(id);
	}

	@PostMapping(path = "/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImageLink> addImage(@PathVariable UUID id, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		if (file == null) {
			throw ApiException.invalid("file", "is required");
		}
		if (file.getSize() > Images.MAX_UPLOAD_BYTES) {
			throw ApiException.tooLarge("file", "must be at most 2 MB");
		}
		byte[] bytes;
		try (InputStream in = file.getInputStream()) {
			bytes = in.readNBytes(Images.MAX_UPLOAD_BYTES + 1);
		}
		ImageLink link = this.admin.addImage(id, bytes);
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(link.url())).body(link);
	}

}
