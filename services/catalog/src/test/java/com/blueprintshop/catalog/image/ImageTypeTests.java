package com.blueprintshop.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImageTypeTests {

	@Test
	void recognisesPngJpegAndWebpByTheirMagicBytes() {
		assertThat(ImageType.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13))).contains(ImageType.PNG);
		assertThat(ImageType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F'))).contains(ImageType.JPEG);
		assertThat(ImageType.sniff(bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ')))
			.contains(ImageType.WEBP);
	}

	@Test
	void refusesTextWhateverTheFileIsCalled() {
		assertThat(ImageType.sniff("just some text, not a picture".getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	@Test
	void refusesSvgGifAndOtherRiffFiles() {
		assertThat(ImageType.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(ImageType.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ImageType.sniff(bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E'))).isEmpty();
	}

	@Test
	void refusesTruncatedHeaders() {
		assertThat(ImageType.sniff(new byte[0])).isEmpty();
		assertThat(ImageType.sniff(bytes(0x89, 'P', 'N', 'G'))).isEmpty();
		assertThat(ImageType.sniff(bytes(0xFF, 0xD8))).isEmpty();
		assertThat(ImageType.sniff(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E'))).isEmpty();
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
