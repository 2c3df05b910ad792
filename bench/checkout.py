#!/usr/bin/env python3
"""Checkout through the whole running system: N shoppers place orders through the TLS edge,
the gateway and the order service (202 accepted), then each follows its order until the saga
settles it (long polls on the status). Prints the 202's latency, the time to CONFIRMED and the
outcome counts. A closed-loop measurement with a few threads, not the performance lab (#5).

usage: BLUEPRINT_HOME=.blueprint bench/checkout.py [--orders 200] [--threads 8]
"""
import argparse, base64, hashlib, http.cookiejar, json, os, re, secrets, ssl, statistics, threading, time
import urllib.parse, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--orders", type=int, default=200)
p.add_argument("--threads", type=int, default=8)
p.add_argument("--accept-only", action="store_true",
               help="place every order first (a burst), then wait for the backlog to drain")
args = p.parse_args()

home = os.environ.get("BLUEPRINT_HOME", ".blueprint")
state = json.load(open(os.path.join(home, "run/state.json")))
edge_port = next(c for c in state["components"] if c["name"] == "edge")["ports"][0]
EDGE = f"https://localhost:{edge_port}"
CTX = ssl.create_default_context(cafile=os.path.join(home, "edge/tls/ca.crt"))
props = dict(l.strip().split("=", 1) for l in open(os.path.join(home, "secrets.properties")) if "=" in l and not l.startswith("#"))
BASIC = base64.b64encode(f"storefront:{props['oauth.client.storefront.secret']}".encode()).decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def call(method, path, token=None, body=None, headers=None, opener=None, form=None):
    data = None
    h = dict(headers or {})
    if token:
        h["Authorization"] = f"Bearer {token}"
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        h["Content-Type"] = "application/x-www-form-urlencoded"
    req = urllib.request.Request(path if path.startswith("http") else EDGE + path, data=data, method=method, headers=h)
    op = opener or urllib.request.build_opener(urllib.request.HTTPSHandler(context=CTX), NoRedirect)
    try:
        with op.open(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def client_token():
    s, _, b = call("POST", "/auth/oauth2/token", headers={"Authorization": f"Basic {BASIC}"},
                   form={"grant_type": "client_credentials", "scope": "users.register"})
    return json.loads(b)["access_token"]


def sign_up_and_in(email, password):
    s, _, b = call("POST", "/api/identity/users", client_token(),
                   {"email": email, "displayName": "Bench", "password": password, "confirmPassword": password})
    assert s == 201, b
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPSHandler(context=CTX), urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    verifier = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = EDGE + "/login/oauth2/code/identity"
    q = urllib.parse.urlencode({"response_type": "code", "client_id": "storefront", "scope": "openid profile email",
                                "redirect_uri": redirect, "state": "s", "nonce": "n", "code_challenge": challenge,
                                "code_challenge_method": "S256"})
    html = {"Accept": "text/html"}
    call("GET", "/auth/oauth2/authorize?" + q, headers=html, opener=op)
    _, _, page = call("GET", "/auth/login", headers=html, opener=op)
    csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', page).group(1)
    _, h, _ = call("POST", "/auth/login", headers=html, opener=op, form={"email": email, "password": password, "_csrf": csrf})
    _, h, _ = call("GET", h["Location"], headers=html, opener=op)
    code = urllib.parse.parse_qs(urllib.parse.urlparse(h["Location"]).query)["code"][0]
    _, _, b = call("POST", "/auth/oauth2/token", headers={"Authorization": f"Basic {BASIC}"},
                   form={"grant_type": "authorization_code", "code": code, "redirect_uri": redirect, "code_verifier": verifier})
    return json.loads(b)["access_token"]


suffix = secrets.token_hex(4)
token = sign_up_and_in(f"bench-{suffix}@example.com", f"Measured-{suffix}-42")
# spread the orders over 100 SKUs that are in stock, so that stock runs out nowhere
page = json.loads(call("GET", "/api/catalog/skus?limit=300")[2])["items"]
page = [s for s in page if s["status"] == "ACTIVE"][:100]
levels = json.loads(call("GET", "/api/inventory/availability?" + "&".join(f"sku={s['sku']}" for s in page))[2])
stocked = {l["sku"] for l in levels if l["available"] >= 10}
skus = [s for s in page if s["sku"] in stocked]
_, _, card = call("POST", "/api/payment/cards/tokens", token, {"number": "4242424242424242", "expiryMonth": 12, "expiryYear": 2035, "cvc": "123"})
card = json.loads(card)


def body(n):
    sku = skus[n % len(skus)]
    return {"lines": [{"sku": sku["sku"], "quantity": 1, "unitPrice": sku["price"]}],
            "payment": {"cardToken": card["token"], "cardLast4": card["last4"]},
            "shippingAddress": {"name": "Bench", "line1": "1 Load Lane", "city": "Dublin", "postcode": "D01", "country": "IE"}}


accepted, confirmed, outcomes, lock, placed = [], [], {}, threading.Lock(), []
remaining = [args.orders]


def shopper():
    while True:
        with lock:
            if remaining[0] == 0:
                return
            remaining[0] -= 1
            n = remaining[0]
        t0 = time.perf_counter()
        s, _, b = call("POST", "/api/order/orders", token, body(n), {"Idempotency-Key": secrets.token_hex(16)})
        t1 = time.perf_counter()
        if s != 202:
            with lock:
                outcomes[f"HTTP {s}"] = outcomes.get(f"HTTP {s}", 0) + 1
            continue
        order = json.loads(b)["orderId"]
        if args.accept_only:
            with lock:
                accepted.append(t1 - t0)
                placed.append((order, t0))
            continue
        status = "PENDING"
        while status == "PENDING" and time.perf_counter() - t1 < 120:
            s, _, b = call("GET", f"/api/order/orders/{order}/status?unlike=PENDING&wait=10", token)
            if s == 200:
                status = json.loads(b)["status"]
        t2 = time.perf_counter()
        with lock:
            accepted.append(t1 - t0)
            outcomes[status] = outcomes.get(status, 0) + 1
            if status == "CONFIRMED":
                confirmed.append(t2 - t0)


start = time.perf_counter()
threads = [threading.Thread(target=shopper) for _ in range(args.threads)]
[t.start() for t in threads]
[t.join() for t in threads]
elapsed = time.perf_counter() - start
if args.accept_only:
    # the backlog: every accepted order followed until the saga settles it
    for order, t0 in placed:
        status = "PENDING"
        while status == "PENDING":
            s, _, b = call("GET", f"/api/order/orders/{order}/status?unlike=PENDING&wait=10", token)
            if s == 200:
                status = json.loads(b)["status"]
        outcomes[status] = outcomes.get(status, 0) + 1
    drained = time.perf_counter() - start
    print(f"burst accepted in {elapsed:.1f} s; backlog drained {drained - elapsed:.1f} s later ({drained:.1f} s in all)")


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000 if values else float("nan")


print(f"{len(skus)} SKUs; {args.orders} orders by {args.threads} shoppers in {elapsed:.1f} s ({args.orders / elapsed:.1f} orders/s); outcomes {outcomes}")
print(f"202 accepted: p50 {pct(accepted, .5):.0f} ms, p99 {pct(accepted, .99):.0f} ms, max {pct(accepted, 1):.0f} ms")
print(f"checkout to CONFIRMED: p50 {pct(confirmed, .5):.0f} ms, p99 {pct(confirmed, .99):.0f} ms, max {pct(confirmed, 1):.0f} ms")
