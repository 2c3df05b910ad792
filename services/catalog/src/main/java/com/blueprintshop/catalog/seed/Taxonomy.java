package com.blueprintshop.catalog.seed;

import java.util.Arrays;
import java.util.List;

/**
 * The demo catalog's departments and categories, with the words their product names, variants
 * and descriptions are made of. Data, not logic: {@link CatalogGenerator} draws from it.
 */
final class Taxonomy {

	private Taxonomy() {
	}

	/**
	 * @param slug its URL slug
	 * @param name its name
	 * @param description its description
	 * @param brands invented maker names that may stand in a product name
	 * @param colours colour variants for categories that name none of their own
	 * @param features phrases that finish "It has …"-like sentences
	 * @param uses phrases that finish "made for …"
	 * @param leaves its categories
	 */
	record Department(String slug, String name, String description, List<String> brands, List<String> colours,
			List<String> features, List<String> uses, List<Leaf> leaves) {
	}

	/**
	 * @param slug its URL slug
	 * @param name its name
	 * @param description its description
	 * @param minPrice the least whole-euro price of its products
	 * @param maxPrice the greatest whole-euro price of its products
	 * @param adjectives words before the noun
	 * @param materials materials or finishes
	 * @param nouns what the products are
	 * @param sizes size variants, smallest first (bigger ones may cost more), or none
	 * @param colours colour variants, or none to use the department's
	 */
	record Leaf(String slug, String name, String description, int minPrice, int maxPrice, List<String> adjectives,
			List<String> materials, List<String> nouns, List<String> sizes, List<String> colours) {
	}

	static final List<String> CITIES = List.of("Copenhagen", "Lisbon", "Kyoto", "Glasgow", "Porto", "Bergen", "Lyon",
			"Ghent", "Turin", "Tallinn");

	static final List<Department> DEPARTMENTS = List.of(
			department("audio", "Audio", "Headphones, speakers and hi-fi for listening well at home and on the move.",
					"Auren|Sonder|Halden|Koto", "Black|Silver|Sand|Midnight Blue|Forest Green",
					"40 mm drivers tuned for a balanced, detailed sound|up to 30 hours of battery life"
							+ "|low-latency Bluetooth 5.3|memory-foam cushions that stay comfortable for hours"
							+ "|a replaceable cable and spare parts for years|a frequency response from 20 Hz to 20 kHz",
					"long listening sessions|focused work and travel|mixing and critical listening|the daily commute",
					leaf("headphones", "Headphones", "Over-ear and on-ear headphones for studio, home and travel.", 49,
							449, "Studio|Wireless|Noise-Cancelling|Over-Ear|Closed-Back|Open-Back|Travel|Foldable|Reference",
							"Walnut|Aluminium|Leather|Carbon|Matte|Graphite|Oak|Canvas",
							"Headphones|Monitor Headphones|Headset", "", ""),
					leaf("earbuds", "Earbuds", "True wireless earbuds and in-ear monitors.", 29, 279,
							"True Wireless|Sport|Noise-Cancelling|Compact|Active|Everyday|Pro",
							"Ceramic|Matte|Pearl|Graphite|Aluminium|Rubberised", "Earbuds|Earphones|In-Ear Monitors",
							"", ""),
					leaf("speakers", "Speakers", "Portable, bookshelf and smart speakers.", 39, 899,
							"Portable|Bookshelf|Waterproof|Smart|Outdoor|Compact|Floorstanding|Desktop",
							"Walnut|Oak|Fabric|Aluminium|Cork|Stone|Ash", "Speaker|Speaker Pair|Soundbar|Radio", "", ""),
					leaf("turntables", "Turntables", "Turntables, tonearms and phono stages for vinyl.", 149, 1299,
							"Belt-Drive|Direct-Drive|Automatic|Manual|Vintage|Audiophile",
							"Walnut|Oak|Acrylic|Maple|Aluminium|Bamboo", "Turntable|Record Player|Tonearm|Phono Preamp",
							"", ""),
					leaf("amplifiers", "Amplifiers", "Integrated amplifiers, receivers and DACs.", 99, 1499,
							"Integrated|Tube|Stereo|Compact|Class-D|Hybrid", "Brushed|Copper|Walnut|Aluminium|Steel",
							"Amplifier|Headphone Amplifier|Receiver|DAC", "", "Black|Silver"),
					leaf("microphones", "Microphones", "Microphones and recorders for podcasts, music and video.", 39,
							699, "Condenser|Dynamic|USB|Podcast|Studio|Lavalier|Shotgun",
							"Brass|Steel|Matte|Chrome|Aluminium", "Microphone|Mic|Field Recorder", "", "Black|Silver")),
			department("kitchen", "Kitchen", "Cookware, knives and coffee gear for cooks who use them every day.",
					"Fenwick|Alder|Maison Roux|Tallis", "Graphite|Cream|Sage|Cherry Red|Black",
					"even heat from edge to edge|a dishwasher-safe finish|a comfortable handle that stays cool"
							+ "|food-safe materials throughout|precise temperature control"
							+ "|a generous capacity for family cooking",
					"everyday home cooking|weekend baking projects|slow Sunday breakfasts|cooking for friends",
					leaf("cookware", "Cookware", "Pans, pots and casseroles that last a lifetime.", 24, 399,
							"Cast Iron|Tri-Ply|Nonstick|Enamelled|Heavy-Gauge|Professional|Classic",
							"Copper|Stainless|Ceramic|Granite|Aluminium|Carbon Steel",
							"Frying Pan|Saucepan|Dutch Oven|Wok|Sauté Pan|Stockpot|Griddle|Casserole",
							"20 cm|24 cm|28 cm", ""),
					leaf("knives", "Knives", "Chef's knives, blocks and sharpeners.", 19, 349,
							"Japanese|Forged|Hand-Honed|Damascus|Full-Tang|Precision",
							"Walnut|Olive Wood|Pakkawood|Steel|Ebony|Micarta",
							"Chef's Knife|Paring Knife|Bread Knife|Knife Set|Utility Knife|Cleaver|Knife Block", "", ""),
					leaf("coffee-tea", "Coffee & Tea", "Grinders, brewers, kettles and teapots.", 9, 899,
							"Pour-Over|Manual|Espresso|Cold Brew|Gooseneck|Double-Walled|Barista",
							"Walnut|Ceramic|Glass|Copper|Stainless|Porcelain",
							"Coffee Kettle|Coffee Grinder|French Press|Teapot|Espresso Machine|Dripper|Milk Frother"
									+ "|Tea Infuser",
							"", ""),
					leaf("small-appliances", "Small Appliances", "Blenders, toasters, mixers and more.", 29, 699,
							"Digital|Compact|High-Speed|Programmable|Smart|Retro|Cordless",
							"Brushed Steel|Chrome|Matte|Enamel|Copper",
							"Blender|Toaster|Stand Mixer|Air Fryer|Food Processor|Electric Kettle|Juicer|Slow Cooker",
							"", ""),
					leaf("bakeware", "Bakeware", "Tins, trays and stones for the home baker.", 9, 129,
							"Nonstick|Heavy-Duty|Fluted|Springform|Professional|Perforated",
							"Silicone|Aluminium|Stoneware|Glass|Carbon Steel|Enamel",
							"Baking Tray|Loaf Tin|Cake Tin|Muffin Pan|Pie Dish|Cooling Rack|Pizza Stone", "", ""),
					leaf("tableware", "Tableware", "Plates, bowls, glasses and cutlery.", 9, 249,
							"Handmade|Speckled|Glazed|Stackable|Everyday|Rustic|Minimal",
							"Stoneware|Porcelain|Linen|Glass|Bamboo|Oak",
							"Dinner Plate Set|Serving Bowl|Mug Set|Tumbler Set|Platter|Napkin Set|Cutlery Set", "",
							"White|Charcoal|Sand|Ocean Blue")),
			department("home", "Home & Living", "Lighting, textiles, furniture and objects for calm rooms.",
					"Lumen|Nordlys|Vesta|Holm", "White|Oatmeal|Sage|Slate|Terracotta",
					"a warm, inviting glow|materials from certified suppliers|assembly in under 15 minutes"
							+ "|a finish that is simple to keep clean|a timeless silhouette|soft textures that invite you in",
					"calm bedrooms and bright living rooms|small city apartments|slow evenings at home"
							+ "|everyday family life",
					leaf("lighting", "Lighting", "Floor, table, pendant and wall lights.", 19, 599,
							"Adjustable|Dimmable|Arc|Minimal|Industrial|Rechargeable|Globe",
							"Brass|Oak|Linen|Opal Glass|Rattan|Concrete|Walnut",
							"Floor Lamp|Table Lamp|Pendant Light|Wall Light|Desk Lamp|Lantern", "", ""),
					leaf("bedding", "Bedding", "Duvet covers, sheets, pillows and throws.", 19, 399,
							"Organic|Stonewashed|Percale|Sateen|Breathable|Hotel|Weighted",
							"Linen|Cotton|Bamboo|Wool|Silk|Flannel",
							"Duvet Cover|Sheet Set|Pillowcase Pair|Duvet|Throw|Pillow|Quilt", "Single|Double|King",
							"White|Oatmeal|Sage|Slate|Blush"),
					leaf("rugs", "Rugs", "Woven, tufted and flatweave rugs and runners.", 39, 899,
							"Hand-Woven|Hand-Tufted|Flatweave|Shaggy|Vintage|Moroccan|Striped",
							"Wool|Jute|Cotton|Sisal|Viscose|Recycled", "Rug|Runner|Doormat",
							"60 × 90 cm|120 × 170 cm|160 × 230 cm", ""),
					leaf("furniture", "Furniture", "Chairs, sofas, tables and shelving.", 59, 2499,
							"Mid-Century|Scandinavian|Modular|Extendable|Compact|Industrial|Solid",
							"Oak|Walnut|Ash|Teak|Steel|Velvet|Bouclé",
							"Armchair|Sofa|Coffee Table|Dining Table|Bookcase|Sideboard|Stool|Bench", "", ""),
					leaf("home-storage", "Storage", "Baskets, boxes, shelves and racks.", 9, 349,
							"Stackable|Woven|Modular|Lidded|Wall-Mounted|Collapsible",
							"Rattan|Seagrass|Oak|Felt|Metal|Bamboo|Canvas",
							"Storage Basket|Shelf|Storage Box|Coat Rack|Shoe Rack|Drawer Organiser", "", ""),
					leaf("decor", "Decor", "Vases, candles, mirrors, prints and cushions.", 9, 299,
							"Handmade|Sculptural|Ribbed|Scented|Framed|Minimal|Textured",
							"Ceramic|Glass|Marble|Brass|Linen|Terracotta",
							"Vase|Candle|Mirror|Wall Clock|Art Print|Cushion|Plant Pot", "", "")),
			department("outdoors", "Outdoors", "Tents, packs and gear for trails, crags and campsites.",
					"Fjell|Ridgeline|Tundra|Kestrel", "Olive|Black|Rust|Navy|Stone",
					"a weatherproof build with taped seams|a pack weight that disappears on long trails"
							+ "|reinforced stress points|fast pitching in under five minutes"
							+ "|recycled fabrics with a PFC-free finish|breathable panels that keep you dry",
					"weekend hikes and long treks|wild camping in changeable weather|alpine starts"
							+ "|family trips outdoors",
					leaf("tents", "Tents", "Backpacking, family and four-season tents and shelters.", 79, 899,
							"Ultralight|Two-Person|Four-Season|Family|Pop-Up|Tunnel|Dome|Backpacking",
							"Ripstop|Nylon|Canvas|Polyester|Silnylon|Cotton", "Tent|Shelter|Tarp|Bivvy", "", ""),
					leaf("backpacks", "Backpacks", "Daypacks, trekking packs and duffels.", 29, 349,
							"Trekking|Roll-Top|Lightweight|Waterproof|Alpine|Travel|Everyday",
							"Nylon|Canvas|Cordura|Waxed Cotton|Recycled|Ripstop",
							"Backpack|Rucksack|Daypack|Hip Pack|Duffel", "20 L|30 L|45 L", ""),
					leaf("sleeping-bags", "Sleeping Bags", "Sleeping bags, mats and pillows.", 49, 599,
							"Down|Synthetic|Three-Season|Mummy|Ultralight|Winter|Compact",
							"Nylon|Merino|Fleece|Silk|Polyester", "Sleeping Bag|Sleeping Mat|Camp Pillow|Liner",
							"Regular|Long", ""),
					leaf("camp-kitchen", "Camp Kitchen", "Stoves, cook sets, mugs and bottles.", 9, 249,
							"Compact|Folding|Nesting|Portable|Insulated|Lightweight",
							"Titanium|Aluminium|Stainless|Enamel|Cast Iron",
							"Camp Stove|Cook Set|Camp Mug|Water Bottle|Spork|Cool Box|Camp Kettle", "", ""),
					leaf("hiking-footwear", "Hiking Footwear", "Boots, trail shoes and gaiters.", 69, 299,
							"Waterproof|Mid-Cut|Trail|Lightweight|Approach|All-Season",
							"Suede|Gore-Tex|Nubuck|Mesh|Leather", "Hiking Boots|Trail Shoes|Walking Shoes|Gaiters",
							"EU 40|EU 42|EU 44|EU 46", "Brown|Black|Grey|Olive"),
					leaf("climbing", "Climbing", "Harnesses, ropes, hardware and helmets.", 9, 399,
							"Sport|Trad|Bouldering|Alpine|Lightweight|Dynamic", "Nylon|Aluminium|Steel|Dyneema",
							"Harness|Carabiner Set|Chalk Bag|Climbing Rope|Helmet|Belay Device|Climbing Shoes", "",
							"")),
			department("fashion", "Fashion", "Jackets, shirts, knitwear, shoes and accessories made to be worn often.",
					"Harlow|Atelier Noa|Wren|Byre", "Navy|Olive|Black|Camel|Charcoal|Ecru",
					"a relaxed fit that layers easily|reinforced seams|fabric from a family-run mill"
							+ "|a garment-dyed colour that softens with every wash|corozo buttons and a clean finish"
							+ "|a cut that works from office to weekend",
					"everyday wear|cool mornings and long evenings|city days and weekends away|the office and beyond",
					leaf("jackets", "Jackets", "Field jackets, parkas, coats and gilets.", 59, 499,
							"Waxed|Quilted|Insulated|Waterproof|Tailored|Bomber|Field|Packable",
							"Cotton|Wool|Leather|Down|Denim|Tweed|Nylon", "Jacket|Parka|Overshirt|Coat|Gilet",
							"S|M|L|XL", ""),
					leaf("shirts", "Shirts", "Oxford, linen and flannel shirts and tees.", 19, 149,
							"Oxford|Relaxed|Slim-Fit|Short-Sleeve|Band-Collar|Brushed|Everyday",
							"Cotton|Linen|Flannel|Chambray|Poplin|Denim", "Shirt|T-Shirt|Polo|Henley", "S|M|L|XL", ""),
					leaf("trousers", "Trousers", "Chinos, jeans, cords and shorts.", 29, 179,
							"Straight-Leg|Tapered|Relaxed|Pleated|Stretch|Carpenter|Tailored",
							"Cotton|Wool|Corduroy|Denim|Linen|Twill", "Trousers|Chinos|Jeans|Shorts|Cargo Trousers",
							"W30|W32|W34|W36", ""),
					leaf("knitwear", "Knitwear", "Jumpers, cardigans, hats and scarves.", 39, 299,
							"Chunky|Cable-Knit|Ribbed|Crew-Neck|Roll-Neck|Fine-Gauge|Fisherman",
							"Merino|Cashmere|Lambswool|Alpaca|Cotton|Mohair", "Jumper|Cardigan|Beanie|Scarf|Knitted Vest",
							"S|M|L|XL", ""),
					leaf("shoes", "Shoes", "Sneakers, loafers, boots and sandals.", 49, 349,
							"Classic|Minimal|Handmade|Low-Top|High-Top|Chunky", "Leather|Suede|Canvas|Nubuck|Recycled",
							"Sneakers|Loafers|Chelsea Boots|Derby Shoes|Sandals", "EU 38|EU 40|EU 42|EU 44|EU 46",
							"Black|Tan|White|Navy"),
					leaf("accessories", "Bags & Accessories", "Bags, wallets, belts and sunglasses.", 9, 399,
							"Everyday|Structured|Foldable|Vintage|Slim|Oversized", "Leather|Canvas|Nylon|Suede|Wool|Silk",
							"Tote Bag|Wallet|Belt|Card Holder|Crossbody Bag|Sunglasses|Watch Strap", "", "")),
			department("computing", "Computing", "Laptops, monitors, keyboards and the cables between them.",
					"Vertex|Quill|Lattice|Nimbus", "Space Grey|Silver|Black|White",
					"a bright, colour-accurate panel|all-day battery life|USB-C with power delivery"
							+ "|a whisper-quiet design|firmware updates for years|a solid aluminium chassis",
					"focused work from anywhere|creative work and long sessions|the home office|study and play",
					leaf("laptops", "Laptops", "Ultralight, creator and business laptops.", 399, 3499,
							"Ultralight|Pro|Creator|Gaming|Convertible|Business|Student",
							"Aluminium|Magnesium|Carbon|Graphite|Titanium", "Laptop|Notebook|Ultrabook|2-in-1 Laptop",
							"13-inch|14-inch|16-inch", ""),
					leaf("monitors", "Monitors", "4K, ultrawide and portable monitors and arms.", 129, 1999,
							"4K|Ultrawide|Curved|Portable|High-Refresh|Colour-Accurate|Ergonomic",
							"Matte|Slim|Aluminium|Graphite|Frameless", "Monitor|Display|Monitor Arm",
							"24-inch|27-inch|32-inch", ""),
					leaf("keyboards", "Keyboards", "Mechanical, low-profile and split keyboards.", 29, 349,
							"Mechanical|Low-Profile|Wireless|Split|Compact|Tenkeyless|Ergonomic",
							"Aluminium|Walnut|PBT|Brass|Acrylic", "Keyboard|Keycap Set|Wrist Rest|Numpad", "", ""),
					leaf("mice", "Mice & Trackpads", "Mice, trackpads, trackballs and mats.", 19, 199,
							"Wireless|Ergonomic|Vertical|Silent|Ambidextrous|Lightweight|Precision",
							"Matte|Graphite|Aluminium|Rubberised|Glass", "Mouse|Trackpad|Trackball|Mouse Mat", "", ""),
					leaf("networking", "Networking", "Routers, mesh Wi-Fi, switches and access points.", 29, 599,
							"Mesh|Dual-Band|Tri-Band|Gigabit|Compact|Outdoor|Managed", "Matte|Graphite|Aluminium",
							"Router|Wi-Fi Extender|Network Switch|Access Point|Mesh System", "", "White|Black"),
					leaf("cables-adapters", "Cables & Adapters", "Cables, hubs, chargers and docks.", 9, 149,
							"Braided|Fast-Charging|Multiport|Right-Angle|Compact|Travel",
							"Nylon|Aluminium|Silicone|Leather", "USB-C Cable|USB-C Hub|Charger|Power Bank|Adapter"
									+ "|Docking Station",
							"", "")),
			department("sports", "Sports & Fitness", "Kit for running, riding, lifting, swimming and stretching.",
					"Stride|Apex|Kinetic|Meridian", "Black|Volt|Cobalt|Coral|Grey",
					"sweat-wicking fabric|a grippy, non-slip surface|a build that packs down small"
							+ "|reflective details for early mornings|cushioning that returns energy"
							+ "|durable materials tested by athletes",
					"early-morning training|your daily workout|race day and recovery|training indoors or out",
					leaf("running", "Running", "Shoes, vests, tights and hydration.", 9, 249,
							"Lightweight|Cushioned|Reflective|Breathable|Trail|Racing|Seamless",
							"Mesh|Merino|Knit|Recycled|Nylon",
							"Running Shoes|Running Vest|Running Tights|Running Cap|Running Socks|Hydration Belt",
							"S|M|L", ""),
					leaf("yoga", "Yoga", "Mats, blocks, straps and bolsters.", 9, 149,
							"Non-Slip|Extra-Thick|Travel|Eco|Natural|Balance", "Cork|Natural Rubber|Cotton|Jute|Bamboo",
							"Yoga Mat|Yoga Block|Yoga Strap|Meditation Cushion|Yoga Bolster", "",
							"Sage|Sand|Plum|Charcoal"),
					leaf("cycling", "Cycling", "Helmets, lights, jerseys, locks and bikes.", 9, 1499,
							"Aero|Gravel|Commuter|Lightweight|Reflective|Insulated|Folding",
							"Carbon|Aluminium|Steel|Titanium|Merino|Nylon",
							"Bike Helmet|Bike Light Set|Cycling Jersey|Bike Lock|Saddle|Bottle Cage|Folding Bike", "",
							""),
					leaf("strength", "Strength Training", "Dumbbells, kettlebells, benches and bands.", 9, 999,
							"Adjustable|Compact|Heavy-Duty|Knurled|Cast|Foldable|Competition",
							"Iron|Steel|Rubber|Neoprene|Leather",
							"Dumbbell Set|Kettlebell|Weight Bench|Resistance Bands|Pull-Up Bar|Lifting Belt|Barbell",
							"", "Black|Grey"),
					leaf("swimming", "Swimming", "Goggles, caps, swimsuits and training aids.", 9, 149,
							"Anti-Fog|Chlorine-Resistant|Competition|Training|Quick-Dry|Mirrored",
							"Silicone|Neoprene|Nylon|Lycra|Microfibre",
							"Swim Goggles|Swim Cap|Swimsuit|Kickboard|Swim Towel|Pull Buoy", "", ""),
					leaf("team-sports", "Team Sports", "Balls, guards, gloves and training gear.", 9, 199,
							"Match|Training|Pro|Indoor|All-Weather|Junior", "Leather|Synthetic|Rubber|Mesh|Nylon",
							"Football|Basketball|Volleyball|Shin Guards|Goalkeeper Gloves|Training Cones", "", "")),
			department("stationery", "Stationery", "Notebooks, pens, paper and desk things for writing by hand.",
					"Folio|Inkwell|Papier|Marlow", "Black|Navy|Forest|Ochre|Rose",
					"thick 120 gsm paper that resists bleed-through|a lay-flat binding|archival, acid-free materials"
							+ "|a refillable design that cuts waste|a smooth, consistent line"
							+ "|a compact size that fits any bag",
					"daily notes and big ideas|journaling and sketching|the desk and the commute"
							+ "|letters worth keeping",
					leaf("notebooks", "Notebooks", "Dotted, lined and blank notebooks and sketchbooks.", 5, 59,
							"Dotted|Lined|Hardcover|Softcover|Pocket|Lay-Flat|Recycled",
							"Linen|Leather|Kraft|Cloth|Cotton Paper", "Notebook|Journal|Sketchbook|Notepad", "A6|A5|A4",
							""),
					leaf("pens-pencils", "Pens & Pencils", "Fountain pens, fine-liners, pencils and ink.", 2, 249,
							"Fountain|Rollerball|Mechanical|Fine-Liner|Gel|Refillable|Brush",
							"Brass|Aluminium|Resin|Walnut|Cedar|Steel",
							"Fountain Pen|Pen|Pencil Set|Ink Bottle|Pen Case|Mechanical Pencil", "", ""),
					leaf("desk-organisers", "Desk Organisers", "Trays, holders, mats and stands.", 9, 199,
							"Minimal|Modular|Stackable|Magnetic|Weighted|Slim",
							"Oak|Walnut|Felt|Leather|Steel|Cork|Concrete",
							"Desk Organiser|Pen Holder|Desk Mat|Letter Tray|Monitor Stand|Bookends", "", ""),
					leaf("art-supplies", "Art Supplies", "Paints, brushes, canvases and easels.", 5, 249,
							"Artist-Grade|Professional|Watercolour|Oil|Acrylic|Pastel|Travel",
							"Sable|Cotton|Linen|Beech|Kraft|Graphite",
							"Paint Set|Brush Set|Canvas|Easel|Sketching Set|Palette", "", ""),
					leaf("planners", "Planners", "Planners, diaries and calendars.", 9, 69,
							"Undated|Weekly|Daily|Academic|Goal-Setting|Compact",
							"Linen|Leather|Recycled|Cloth|Vegan Leather", "Planner|Diary|Wall Calendar|Habit Tracker",
							"A6|A5", ""),
					leaf("paper-cards", "Paper & Cards", "Cards, envelopes, writing paper and wrap.", 3, 79,
							"Handmade|Letterpress|Recycled|Textured|Deckled|Foil-Pressed",
							"Cotton|Kraft|Linen|Washi|Vellum",
							"Greeting Cards|Envelope Set|Writing Paper|Gift Wrap|Postcard Set|Sticky Notes", "", "")));

	private static Department department(String slug, String name, String description, String brands,
			String colours, String features, String uses, Leaf... leaves) {
		return new Department(slug, name, description, split(brands), split(colours), split(features), split(uses),
				List.of(leaves));
	}

	private static Leaf leaf(String slug, String name, String description, int minPrice, int maxPrice,
			String adjectives, String materials, String nouns, String sizes, String colours) {
		return new Leaf(slug, name, description, minPrice, maxPrice, split(adjectives), split(materials), split(nouns),
				split(sizes), split(colours));
	}

	private static List<String> split(String words) {
		return words.isEmpty() ? List.of() : Arrays.asList(words.split("\\|"));
	}

}
