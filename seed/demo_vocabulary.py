"""Words for synthetic demo content: enough of them, used unevenly, to read like a real
corpus to a search engine. A few words are everywhere, most are rare (Zipf's law), so
benchmarks meet both common and selective queries."""

import itertools

PLACES = [
    "Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Denpasar", "Yogyakarta",
    "Hanoi", "Ho Chi Minh City", "Da Nang", "Hue", "Can Tho", "Hai Phong",
    "Vientiane", "Luang Prabang", "Savannakhet", "Pakse",
    "Phnom Penh", "Siem Reap", "Battambang", "Sihanoukville",
    "Yangon", "Mandalay", "Nay Pyi Taw", "Mawlamyine",
    "Bangkok", "Chiang Mai", "Khon Kaen", "Phuket", "Hat Yai", "Songkhla",
    "Kuala Lumpur", "Penang", "Johor Bahru", "Kuching", "Kota Kinabalu", "Melaka",
    "Manila", "Cebu", "Davao", "Iloilo", "Baguio", "Zamboanga",
    "Singapore", "Bandar Seri Begawan", "Tutong", "Dili", "Baucau",
    "the Mekong subregion", "the Sulu Sea", "the Coral Triangle", "Borneo", "Sumatra",
    "the Gulf of Thailand", "the Andaman Sea", "the Heart of Borneo",
]  # fmt: skip

PARTNERS = [
    "Australia", "Canada", "China", "the European Union", "India", "Japan",
    "the Republic of Korea", "New Zealand", "the Russian Federation", "the United States",
    "the United Kingdom", "Switzerland", "Norway", "Germany", "France",
    "the Asian Development Bank", "the World Bank", "UNDP", "UNICEF", "UNESCO",
    "the World Health Organization", "the FAO", "the ILO", "the IOM", "UN Women",
    "ERIA", "the Mekong River Commission", "APEC", "the OECD", "the IMF",
]  # fmt: skip

SECTOR_TERMS = [
    "rice", "rubber", "palm oil", "coffee", "cocoa", "fisheries", "aquaculture", "mangroves",
    "peatland", "seagrass", "coral reefs", "forests", "wildlife trade", "river basins",
    "groundwater", "irrigation", "fertilisers", "livestock", "poultry", "dairy",
    "semiconductors", "electronics", "textiles", "garments", "automotive parts", "steel",
    "ports", "railways", "highways", "airports", "shipping lanes", "inland waterways",
    "bus rapid transit", "logistics hubs", "cold chains", "warehouses", "dry ports",
    "broadband", "undersea cables", "data centres", "cloud services", "e-commerce",
    "digital payments", "fintech", "remittances", "microfinance", "credit guarantees",
    "bond markets", "capital markets", "insurance", "pension funds", "tax administration",
    "customs declarations", "rules of origin", "tariff lines", "non-tariff measures",
    "sanitary standards", "product recalls", "halal certification", "geographical indications",
    "patents", "trademarks", "copyright", "competition law", "state enterprises",
    "vaccines", "dengue", "malaria", "tuberculosis", "HIV", "nutrition", "stunting",
    "maternal health", "mental health services", "primary care", "hospital networks",
    "health workforce", "pharmaceuticals", "medical devices", "antibiotics",
    "literacy", "scholarships", "vocational schools", "universities", "teacher training",
    "credit transfers", "qualifications frameworks", "apprenticeships", "research grants",
    "museums", "archives", "performing arts", "festivals", "film", "handicrafts",
    "World Heritage sites", "traditional knowledge", "languages", "sports",
    "elderly care", "child protection", "social insurance", "cash transfers",
    "persons with disabilities", "gender equality", "migrant workers", "domestic workers",
    "labour inspection", "occupational safety", "minimum wages", "youth volunteers",
    "floods", "droughts", "earthquakes", "tsunamis", "typhoons", "landslides", "wildfires",
    "early warning", "evacuation centres", "relief stockpiles", "search and rescue",
    "haze", "air quality", "plastic waste", "marine litter", "wastewater", "recycling",
    "solar power", "wind power", "hydropower", "geothermal energy", "biofuels",
    "power grids", "energy efficiency", "electric vehicles", "natural gas", "carbon markets",
    "border crossings", "maritime security", "coast guards", "piracy", "cybercrime",
    "money laundering", "counterfeit goods", "drug trafficking", "people smuggling",
    "landmines", "peacekeeping", "defence cooperation", "nuclear safety", "chemical safety",
    "elections", "civil registration", "statistics", "census data", "open data",
    "public procurement", "anti-corruption", "court records", "legal aid", "ombudsmen",
    "smart cities", "urban planning", "housing", "water supply", "sanitation",
    "street vendors", "small businesses", "start-ups", "cooperatives", "social enterprises",
    "tourism sites", "homestays", "cruise tourism", "ecotourism", "visa facilitation",
]  # fmt: skip

QUALIFIERS = [
    "regional", "national", "cross-border", "local", "rural", "urban", "coastal", "upland",
    "inclusive", "sustainable", "resilient", "digital", "green", "blue", "circular",
    "harmonised", "integrated", "community-based", "evidence-based", "gender-responsive",
    "low-carbon", "climate-smart", "people-centred", "transparent", "affordable",
    "small-scale", "large-scale", "long-term", "pilot", "joint",
]  # fmt: skip

ACTIVITIES = [
    "baseline survey", "feasibility study", "pilot project", "peer review", "needs assessment",
    "training of trainers", "study visit", "policy brief", "regional workshop",
    "expert group meeting", "simulation exercise", "public consultation", "mapping exercise",
    "impact evaluation", "toolkit", "online course", "database", "dashboard", "registry",
    "handbook", "model law", "mutual recognition arrangement", "work programme", "roadmap",
]  # fmt: skip

PEOPLE = [
    "small farmers", "fishing communities", "women entrepreneurs", "young people",
    "older persons", "local governments", "customs officers", "border officials",
    "nurses", "teachers", "students", "researchers", "journalists", "civil society",
    "private sector partners", "port operators", "regulators", "judges", "police",
    "disaster managers", "statisticians", "town planners", "indigenous peoples",
]  # fmt: skip

REFERENCE_PREFIXES = ["ASEC", "SOM", "WG", "TF", "EG", "CTTE"]
REFERENCE_CODES = [f"{p}-{n:03d}" for p, n in itertools.product(REFERENCE_PREFIXES, range(300))]


def zipf_weights(items):
    """Cumulative weights that make the first item far more common than the last."""
    return list(itertools.accumulate(1 / rank for rank in range(1, len(items) + 1)))
