package com.blueprintshop.inventory.upload.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.blueprintshop.inventory.system.ApiException;
import com.blueprintshop.inventory.upload.StockUpload;
import com.blueprintshop.inventory.upload.UploadResult;

/** {@code POST /admin/stock/uploads}: a counted stock file (multipart field {@code file}, CSV). */
@RestController
class StockUploadController {

	private static final long MAX_BYTES = 5L * 1024 * 1024;

	private final StockUpload upload;

	StockUploadController(StockUpload upload) {
		this.upload = upload;
	}

	@PostMapping("/admin/stock/uploads")
	UploadResult upload(@RequestPart("file") MultipartFile file) throws IOException {
		if (file.getSize() > MAX_BYTES) {
			throw ApiException.badFile(HttpStatus.CONTENT_TOO_LARGE, 0, "The file must be at most 5 MB.");
		}
		return this.upload.apply(file.getBytes());
	}

}
