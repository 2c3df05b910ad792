package com.blueprintshop.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium from Debian's packages, driven by Debian's chromedriver. */
final class Browser {

	private Browser() {
	}

	static WebDriver start() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
				"--window-size=1280,900");
		// the TLS chain itself is verified by the HTTPS client test; the browser checks the page
		options.setAcceptInsecureCerts(true);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		return new ChromeDriver(service, options);
	}

	/** Waits, within a bound, for what a navigation or a form submission leads to. */
	static WebDriverWait await(WebDriver browser) {
		return await(browser, Duration.ofSeconds(20));
	}

	/** Waits up to {@code bound}, for what comes later than a page: an order the saga settles. */
	static WebDriverWait await(WebDriver browser, Duration bound) {
		return new WebDriverWait(browser, bound);
	}

	static void screenshot(WebDriver browser, Path target) throws IOException {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.createDirectories(target.getParent());
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
	}

}
