package com.blueprintshop.storefront.cart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A page that needs the cart when the cart store does not answer says the shop is unavailable. */
@ControllerAdvice
class CartUnavailablePage {

	private static final Logger log = LoggerFactory.getLogger(CartUnavailablePage.class);

	@ExceptionHandler(CartUnavailableException.class)
	ModelAndView unavailable(CartUnavailableException ex) {
		log.warn("The cart store did not answer: {}", ex.getMessage());
		ModelAndView page = new ModelAndView("error/503", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		page.addObject("error", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
		return page;
	}

}
