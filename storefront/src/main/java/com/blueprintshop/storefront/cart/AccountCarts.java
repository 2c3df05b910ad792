package com.blueprintshop.storefront.cart;

import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Signed-in shoppers' carts, in Redis under {@code blueprint:cart:<subject>}, so that a cart
 * follows its owner to every device and session and outlives any storefront instance.
 *
 * <p>Two devices may change one cart at the same moment. A change is therefore a compare-and-set:
 * read the cart, apply the change, and write it only if the stored value is still the one read
 * (a Lua script, atomic in Redis); otherwise read again and reapply. No lock is held, and no
 * change is lost.
 */
@Component
class AccountCarts {

	static final String KEY_PREFIX = "blueprint:cart:";

	static final int ATTEMPTS = 5;

	// ARGV[1]: the value read ('' for none); ARGV[2]: the new value ('' to delete); ARGV[3]: TTL ms
	private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if (current or '') ~= ARGV[1] then
			  return 0
			end
			if ARGV[2] == '' then
			  redis.call('DEL', KEYS[1])
			else
			  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final CartCodec codec;

	private final CartProperties properties;

	AccountCarts(StringRedisTemplate redis, CartCodec codec, CartProperties properties) {
		this.redis = redis;
		this.codec = codec;
		this.properties = properties;
	}

	Cart load(String subject) {
		return this.codec.decode(this.redis.opsForValue().get(key(subject)));
	}

	/** Applies the change (possibly more than once, to a fresher cart each time) and stores the result. */
	Cart update(String subject, UnaryOperator<Cart> change) {
		String key = key(subject);
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			String stored = this.redis.opsForValue().get(key);
			Cart next = change.apply(this.codec.decode(stored));
			String encoded = next.isEmpty() ? "" : this.codec.encode(next);
			Long written = this.redis.execute(COMPARE_AND_SET, List.of(key), (stored != null) ? stored : "", encoded,
					Long.toString(this.properties.accountTtl().toMillis()));
			if (written != null && written == 1L) {
				return next;
			}
		}
		throw new CartUnavailableException("The cart of " + subject + " kept changing during " + ATTEMPTS + " attempts",
				null);
	}

	static String key(String subject) {
		return KEY_PREFIX + subject;
	}

}
