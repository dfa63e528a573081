"""Slot fillers shared by every language's templates, and the small expander they use.

A template is a string with ``{slot}`` fields and ``[a|b|c]`` choices (one picked at random,
nesting not supported). Slots are filled from ``SLOTS`` or from a generator function.
"""

from __future__ import annotations

import random
import re

FIRST = [
    "Aisha",
    "Bilal",
    "Zara",
    "Kacper",
    "Ana",
    "Maria",
    "Rahim",
    "Jaspreet",
    "Harpreet",
    "Ionut",
    "Tom",
    "Jade",
    "Kayden",
    "Amira",
    "Fatima",
    "Oliwia",
    "Joao",
    "Simran",
    "Mohammed",
    "Ayesha",
    "Nadia",
    "Tyler",
    "Chloe",
    "Ellie",
    "Zayn",
    "Imran",
    "Sana",
    "Kuba",
    "Bogdan",
    "Andreea",
    "Beatriz",
    "Rafael",
    "Gurpreet",
    "Manpreet",
    "Tanvir",
    "Shirin",
    "Omar",
    "Layla",
    "Yusuf",
    "Hamza",
]
SURNAME = [
    "Khan",
    "Hussain",
    "Begum",
    "Ahmed",
    "Kowalski",
    "Nowak",
    "Popescu",
    "Silva",
    "Santos",
    "Singh",
    "Kaur",
    "Sandhu",
    "Smith",
    "Patel",
    "Ali",
    "Rahman",
    "Ionescu",
    "Wisniewski",
    "Ferreira",
    "Chowdhury",
    "Miah",
    "Uddin",
    "Gill",
    "Dhillon",
    "Bashir",
    "Iqbal",
    "Mahmood",
    "Jones",
    "Williams",
    "Brown",
    "Costa",
    "Oliveira",
    "Lewandowski",
    "Dumitru",
]
WARDS = (
    "Barnfield Biscot Dallow Farley High Town Icknield Leagrave Lewsey Limbury Northwell "
    "Round Green Saints South Stopsley Sundon Park Wigmore Marsh Farm Bury Park Hockwell Ring "
    "Lewsey Farm Warden Hill Putteridge Vauxhall Park Crawley Green"
)
AREAS = [
    "Barnfield", "Biscot", "Dallow", "Farley Hill", "High Town", "Icknield", "Leagrave",
    "Lewsey", "Limbury", "Northwell", "Round Green", "Saints", "Stopsley", "Sundon Park",
    "Wigmore", "Marsh Farm", "Bury Park", "Hockwell Ring", "Lewsey Farm", "Warden Hill",
    "Putteridge", "Vauxhall Park", "Crawley Green", "Farley", "Hart Hill",
]  # fmt: skip
SCHOOLS = [
    "Challney", "Denbigh", "Icknield High", "Lealands", "Stopsley High", "Cardinal Newman",
    "Putteridge", "Ashcroft", "Barnfield College", "Chalk Hills", "Challney Boys",
    "Challney Girls", "South Hill", "Lea Manor", "Sundon Park Junior", "Beech Hill",
    "Denbigh High", "Putteridge High", "Stockwood Park Academy", "Queen Elizabeth",
    "Lealands High", "Ashcroft High", "Luton Sixth Form", "Cardinal newman", "challney",
    "denbigh", "lealands", "icknield", "ashcroft", "putteridge",
]  # fmt: skip
PLACES = [
    "Wardown Park", "Stockwood Park", "the town centre", "the Mall", "Luton station",
    "the bus station", "Popes Meadow", "the library", "the hat factory", "Luton airport",
    "the skatepark", "Bury Park", "the Galaxy", "Lewsey park", "the Hat District",
    "the leisure centre", "Luton Hoo", "the market", "Marsh Farm", "the community centre",
]  # fmt: skip
TOPICS = [
    "bins", "buses", "the 27 bus", "potholes", "streetlights", "the youth club", "the skatepark",
    "cycle lanes", "parking", "litter", "library hours", "the new park", "fly tipping",
    "the playground", "speed bumps", "crossings", "CCTV", "the swimming pool", "bus fares",
    "the football pitches", "the cinema", "pavements", "trees", "benches", "toilets",
]  # fmt: skip
STREETS = [
    "Dunstable Road", "Hitchin Road", "Marsh Road", "Leagrave Road", "Park Street",
    "Bury Park Road", "Castle Street", "George Street", "Wellington Street", "Stockingstone Road",
    "Hatters Way", "Selbourne Road", "Oak Road", "Waller Avenue", "Chaul End Lane",
    "Birdsfoot Lane", "Wardown Crescent", "Saints Way", "Biscot Road", "Crawley Green Road",
]  # fmt: skip
# Council buildings: numbers in these addresses are not anyone's home.
COUNCIL_ADDRESSES = [
    "Luton Town Hall, George Street, LU1 2BQ", "the Central Library, St George's Square",
    "Stopsley Library", "the Hat Factory, 65-67 Bute Street", "Leagrave library",
    "the Customer Service Centre at the Town Hall", "Marsh Farm Futures House",
]  # fmt: skip
COUNCIL_LINKS = [
    "https://www.luton.gov.uk/bins", "luton.gov.uk/parking", "www.luton.gov.uk",
    "https://www.luton.gov.uk/Environment/recycling", "luton.gov.uk/youth",
    "https://engage.luton.gov.uk/priorities/3",
]  # fmt: skip
GIFTS = [
    "trainers", "a new phone", "airpods", "money", "a PS5", "vapes", "a designer bag",
    "nike tech", "a iphone", "£50", "weed", "free food", "a gucci belt",
]  # fmt: skip
PLATFORM = ["snap", "snapchat", "insta", "instagram", "tiktok", "sc", "ig", "discord", "whatsapp"]
NUM_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def handle() -> str:
    """A made-up social media username."""
    name = random.choice(FIRST).lower()
    tail = random.choice(["_", ".", "", "x", "_xo", "__"]) + random.choice(
        ["09", "07", "22", "luton", "lu4", "x", "2010", "official", "", "123", "_lfc"]
    )
    return random.choice(["", "@", ""]) + name + tail


def email() -> str:
    """A made-up email address, sometimes written out in words."""
    user = (
        random.choice(FIRST).lower()
        + random.choice([".", "_", ""])
        + random.choice([random.choice(SURNAME).lower(), str(random.randint(1, 2012))])
    )
    dom = random.choice(["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.com", "icloud.com"])
    if random.random() < 0.3:
        return user + " at " + dom.replace(".", " dot ")
    return user + "@" + dom


def phone() -> str:
    """A UK mobile or Luton number, in one of the ways people disguise them."""
    if random.random() < 0.7:
        digits = "07" + "".join(random.choice("0123456789") for _ in range(9))
    else:
        digits = "01582" + "".join(random.choice("0123456789") for _ in range(6))
    style = random.randrange(9)
    if style == 0:
        return digits[:5] + " " + digits[5:]
    if style == 1:
        return " ".join(digits)
    if style == 2:
        return ",".join(digits[i : i + 3] for i in range(0, len(digits), 3))
    if style == 3:
        return digits.replace("0", "oh ", 2).strip()
    if style == 4:
        return " ".join(NUM_WORDS[int(d)] for d in digits)
    if style == 5:
        out = digits.replace("00", " double oh ")
        return re.sub(r"\s+", " ", out).strip()
    if style == 6:
        return "-".join([digits[:5], digits[5:8], digits[8:]])
    if style == 7:
        return "+44 " + digits[1:5] + " " + digits[5:]
    return digits[:5] + "." + digits[5:8] + "." + digits[8:]


def postcode() -> str:
    """A full Luton postcode."""
    out = f"LU{random.randint(1, 4)}"
    inward = f"{random.randint(1, 9)}{random.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    inward += random.choice("ABDEFGHJLNPQRSTUWXYZ")
    return random.choice([out + " " + inward, (out + inward).lower(), out.lower() + " " + inward])


GENERATORS = {
    "handle": handle,
    "email": email,
    "phone": phone,
    "postcode": postcode,
    "age": lambda: str(random.randint(11, 17)),
    "housenum": lambda: str(random.randint(1, 140)) + random.choice(["", "", "", "a"]),
    "n": lambda: str(random.randint(2, 30)),
    "year": lambda: str(random.randint(7, 13)),
    "bus": lambda: random.choice(["27", "31", "A", "B", "24", "38", "99", "X31"]),
}
SLOTS = {
    "first": FIRST,
    "surname": SURNAME,
    "area": AREAS,
    "school": SCHOOLS,
    "place": PLACES,
    "topic": TOPICS,
    "street": STREETS,
    "council_address": COUNCIL_ADDRESSES,
    "council_link": COUNCIL_LINKS,
    "gift": GIFTS,
    "platform": PLATFORM,
}

_CHOICE = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")


def expand(template: str, rng: random.Random) -> str:
    """Fill one template: pick a branch of each ``[a|b]`` choice, then fill each ``{slot}``."""
    random.seed(rng.random())
    text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in GENERATORS:
            return GENERATORS[name]()
        return rng.choice(SLOTS[name])

    return re.sub(r"\s{2,}", " ", _SLOT.sub(fill, text)).strip()
