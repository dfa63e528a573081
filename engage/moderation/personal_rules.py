"""Rules for personal details: email, phone, postcode, address, handle, link, school, name."""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from engage.moderation.disguises import (
    account_spans,
    house_number_in_words_spans,
    is_landline,
    is_organisation_number,
    joined_mobile_spans,
    spaced_out_spans,
)
from engage.moderation.flags import Category, Hit
from engage.moderation.folding import _compile, _fold_pattern, _View
from engage.moderation.phones import find_phones
from engage.moderation.places import name_spans, school_spans
from engage.moderation.transliterated import foreign_place_spans

_MAIL_PROVIDERS = (
    r"gmail|googlemail|hotmail|outlook|live|yahoo|ymail|icloud|me|mac|aol|msn|btinternet|"
    r"sky|virginmedia|talktalk|protonmail|proton|pm|gmx|mail|wp|o2|onet|interia|uol|bol|"
    r"sapo|terra|yandex"
)
_AT_WORD = r"at|arroba|malpa|arond"
_DOT_WORD = r"dot|kropka|punct|ponto|punto"
_DOT_SEP = rf"\s*(?:\.|[\(\[\{{<]\s*(?:{_DOT_WORD}|\.)\s*[\)\]\}}>]|\s(?:{_DOT_WORD})\s)\s*"
_TLD_SPOKEN = (
    rf"(?:co|org|ac|gov|nhs|com){_DOT_SEP}(?:uk|pl|pt|br)|com|uk|net|org|io|pl|ro|pt|br|me|edu"
)

_EMAIL = re.compile(
    r"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])"
)
# An address's parts have at most 64 characters (a local part) or 63 (a domain label). Bounded, each
# place a search starts reads a few hundred characters at most: unbounded, every start in
# "a-a-a-..." read to the end of the text, and 10,000 such characters took seconds.
_LOCAL_REST = r"[a-z0-9._%+-]{0,63}"  # after its first character
# "name at gmail dot com", "name(at)gmail(dot)com", "name [at] gmail . com" ...
_EMAIL_OBFUSCATED = re.compile(
    rf"(?<![\w.])(?P<local>[a-z0-9]{_LOCAL_REST}(?:\s+(?:{_DOT_WORD}|underscore)\s+[a-z0-9._%+-]{{1,64}}){{0,8}})\s*"
    rf"(?:(?P<sym>@|[\(\[\{{<]\s*(?:{_AT_WORD}|@)\s*[\)\]\}}>])|\s(?P<word>{_AT_WORD})\s)\s*"
    rf"(?P<domain>[a-z0-9-]{{1,63}})(?P<rest>{_DOT_SEP}(?:{_TLD_SPOKEN}))(?![\w])"
)
_SPOKEN_DOT = re.compile(rf"(?<![a-z])(?:{_DOT_WORD})(?![a-z])")

_SEP = r"[\s().\-/]{0,2}"
_PHONE_UK = re.compile(
    rf"(?<![\d+])(?:(?:\+|00){_SEP}4{_SEP}4{_SEP}(?:\(?0\)?{_SEP})?|0{_SEP})[1-37-9](?:{_SEP}\d){{8,9}}(?!\d)"
)
_PHONE_UK_BARE44 = re.compile(rf"(?<![\d+])44{_SEP}7(?:{_SEP}\d){{9}}(?!\d)")
_PHONE_INTL = re.compile(rf"(?<![\d\w])(?:\+|00){_SEP}[1-9](?:{_SEP}\d){{7,13}}(?!\d)")
_PHONE_WORDS = (
    r"call|ring|text|txt|phone|tel|telephone|mobile|mob|number|num|no\.|whatsapp|whats app|"
    r"contact|telefon|telefonu|numer|numar|numarul|telemovel|telefone|numero|"
    r"فون|نمبر|موبائل|رقم|هاتف|جوال|واتساب|ফোন|নম্বর|নাম্বার|ਫੋਨ|ਨੰਬਰ|ਨੰਬਰ"
)
_PHONE_KEYWORD = _compile(
    [rf"(?<![a-z])(?:{_PHONE_WORDS})\D{{0,20}}?(?P<num>(?<!\d)\d(?:[\s.\-]?\d){{5,12}})(?!\d)"]
)

_POSTCODE = re.compile(
    r"(?<![a-z0-9])(?P<out>[a-z]{1,2}\d[a-z\d]?)\s*(?P<in>\d[abd-hjlnp-uw-z]{2})(?![a-z0-9])"
)

_STREET_WORDS = (
    r"road|rd|street|st|avenue|ave|av|lane|ln|crescent|cres|gardens|gdns|terrace|terr|mews|"
    r"boulevard|grove|gr|drive|dr|close|cl|way|court|ct|place|pl|square|sq|walk|rise|hill|"
    r"row|view|green|parade|vale|croft|end|park|estate|approach|gate|wharf|mead|meadow|"
    r"meadows|fields|heights"
)
# Street words that are also everyday words need a capitalised street name, or an
# address cue before them, to count.
_AMBIGUOUS_STREET = {
    "close", "cl", "way", "court", "ct", "place", "pl", "walk", "rise", "hill", "row",
    "view", "green", "end", "park", "estate", "approach", "gate", "fields",
    "meadow", "meadows", "heights", "gr", "vale", "square", "sq", "mead",
}  # fmt: skip
_NOT_STREET_NAME = {
    "the", "a", "an", "on", "in", "at", "to", "of", "for", "from", "my", "your", "our",
    "their", "his", "her", "its", "this", "that", "these", "those", "and", "or", "but",
    "per", "each", "every", "more", "less", "than", "other", "same", "busy", "minutes",
    "minute", "mins", "min", "hours", "hour", "hrs", "hr", "days", "day", "weeks", "week",
    "months", "month", "years", "year", "yrs", "times", "time", "people", "kids",
    "children", "cars", "car", "buses", "bus", "houses", "homes", "flats", "percent",
    "pounds", "quid", "miles", "mile", "km", "kms", "metres", "meters", "yards", "steps",
    "stops", "stop", "lanes", "roads", "streets", "is", "are", "was", "were", "be", "been",
    "i", "we", "you", "they", "he", "she", "it", "me", "us", "them", "have", "has", "had",
    "do", "does", "did", "not", "no", "only", "just", "about", "around", "over", "under",
    "up", "down", "off", "out", "into", "onto", "by", "with", "without", "near", "along",
    "across", "through", "past", "both", "all", "some", "any", "many", "much", "few",
    "most", "very", "so", "too", "also", "still", "away", "back", "mph", "way",
    "bad", "good", "dangerous", "whole", "entire", "wheel", "lovely", "nice", "quiet",
    "speed", "parking", "spaces", "potholes", "lights", "trees", "bins", "benches",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "tonnes", "tons", "kg", "lb", "degrees", "am", "pm", "hundred", "thousand", "million",
}  # fmt: skip
_ADDRESS_CUE = (
    r"live\s+(?:at|on|in)|lives\s+(?:at|on|in)|living\s+(?:at|on|in)|address|my\s+house|"
    r"my\s+flat|flat|come\s+to|come\s+round\s+to|house\s+is|staying\s+at|moved\s+to|"
    r"mieszkam|mieszka|locuiesc|moro|vivo|رہتا|رہتی|رہتے|اعيش|اسكن|থাকি|ਰਹਿੰਦਾ|ਰਹਿੰਦੀ"
)
# A word of a name; bounded, as the address parts above are, so a search stays linear.
_NAME_TOKEN = r"[a-z][a-z'\-]{0,40}"  # noqa: S105 - a regex, not a password  # nosec B105
_ADDRESS_EN = re.compile(
    rf"(?<![\w£$€.,])(?P<num>\d{{1,4}}[a-z]?)(?:\s*,)?\s+"
    rf"(?P<name>(?:{_NAME_TOKEN}\.?\s+){{1,3}})(?P<street>{_STREET_WORDS})\b\.?"
)
_ADDRESS_EN_CASED = re.compile(
    r"(?<![\w£$€.,])(?P<num>\d{1,4}[A-Za-z]?)(?:\s*,)?\s+"
    r"(?P<name>(?:(?:St\.?|[A-Z][a-z'\-]+)\s+){1,3})"
    r"(?P<street>Close|Way|Court|Place|Walk|Rise|Hill|Row|View|Green|End|Park|Estate|"
    r"Approach|Gate|Drive|Dr|Fields|Meadows?|Heights|St|Grove|Vale|Square|Sq|Mead|Cl|Ct|Pl)\b\.?"
)
_ADDRESS_FOREIGN = _compile(
    [
        # Polish: ul. Mickiewicza 12/3
        r"(?<![a-z])(?:ul\.?|ulica|ulicy|aleja|al\.|os\.|osiedle)\s+(?:[a-z][a-z'\-]*[.,]?\s+){1,3}\d{1,4}[a-z]?(?:\s*/\s*\d{1,4})?(?!\d)",
        # Romanian: strada Victoriei nr. 5
        r"(?<![a-z])(?:strada|str\.|bulevardul|bd\.|calea|aleea|soseaua|sos\.)\s*(?:[a-z][a-z'\-]*[.,]?\s+){1,3},?\s*(?:nr\.?\s*)?\d{1,4}[a-z]?(?!\d)",
        # Portuguese: Rua das Flores, nº 12
        r"(?<![a-z])(?:rua|avenida|av\.|travessa|largo|praca|estrada|alameda)\s+(?:[a-z][a-z'\-]*[.,]?\s+){1,4},?\s*(?:n\.?\s*o?\.?\s*|numero\s+)?\d{1,4}[a-z]?(?!\d)",
        r"(?<![a-z])(?:numero|n\.?o)\s*\d{1,4}\s+d[ao]\s+(?:rua|avenida)\s+\S+",
        # English street names written in other scripts: 12 ہچن روڈ, ১২ হিচিন রোড
        r"(?<!\d)\d{1,4}\s*,?\s+(?:\S+\s+){1,3}?(?:روڈ|روڈ|سٹریٹ|اسٹریٹ|سٹریٹ|لین|ایونیو|রোড|স্ট্রিট|লেন|এভিনিউ|ਰੋਡ|ਸਟ੍ਰੀਟ|ਸਟਰੀਟ|ਲੇਨ|ਐਵੇਨਿਊ)",
        # Arabic: شارع ... 12
        r"(?:شارع|طريق)\s+(?:\S+\s+){1,3}?(?:رقم\s+)?\d{1,4}(?!\d)",
        r"(?<!\d)\d{1,4}\s*[،,]?\s*(?:شارع|طريق)\s+\S+",
    ]
)

_PLATFORM = (
    r"snap\s*chat|snapchat|snap|sc|insta\s*gram|instagram|insta|ig|tik\s*tok|tiktok|tt|"
    r"discord|whats\s*app|whatsapp|wa|kik|telegram|fb|facebook|twitter|threads|bereal|"
    r"twitch|youtube|yt|roblox|xbox|psn|steam|signal|"
    r"سنیپ\s*چیٹ|سنیپ|اسنیپ|سناب\s*شات|سناب|سناپ|انسٹا|انسٹاگرام|انستا|انستغرام|انستقرام|"
    r"ٹک\s*ٹاک|تیک\s*توک|واٹس\s*ایپ|واتس\s*اب|واتساب|ڈسکارڈ|دیسکورد|تلیجرام|"
    r"ইনস্টা|ইনস্টাগ্রাম|স্ন্যাপ|স্ন্যাপচ্যাট|টিকটক|হোয়াটসঅ্যাপ|ডিসকর্ড|"
    r"ਇੰਸਟਾ|ਇੰਸਟਾਗ੍ਰਾਮ|ਸਨੈਪ|ਸਨੈਪਚੈਟ|ਟਿਕਟੌਕ|ਟਿਕਟਾਕ|ਵਟਸਐਪ"
)
_HANDLE_ID = r"(?P<id>@?[a-z0-9_][a-z0-9_.]{2,29})"
# Without an "is"/":" before it, only a token that looks like a username (has a digit, "_",
# "." or "@") is taken as the handle.
_HANDLE_ID_STRICT = (
    r"(?P<id>@[a-z0-9_.]{2,30}|(?=[a-z0-9_.]*[a-z])[a-z0-9_.]*[0-9_.][a-z0-9_.]*[a-z0-9_])(?![\w@])"
)
_POSSESSIVE = (
    r"my|mine|moj|moja|moje|mojego|moim|meu|minha|mea|mera|meri|mere|"
    r"میرا|میری|میرے|আমার|ਮੇਰਾ|ਮੇਰੀ|ਮੇਰੇ|حسابي|حسابى"
)
_IS_WORDS = r"is|=|:|-|to|e|é|este|hai|he|ہے|হল|হলো|ਹੈ|هو|name\s+is|username\s+is|handle\s+is"
_CONTACT_EN = (
    r"add|dm|message|msg|text|snap|follow|hmu|hit|inbox|pm|find|chat\s+to|talk\s+to|contact|"
    r"reach|ping"
)
_CONTACT_OTHER = (
    r"dodaj\s+mnie|napisz\s+do\s+mnie|napisz|pisz\s+do\s+mnie|obserwuj\s+mnie|da-?mi\s+add|"
    r"adauga-?ma|scrie-?mi|urmareste-?ma|me\s+adiciona|adiciona-?me|me\s+segue|segue-?me|"
    r"me\s+chama|chama-?me|manda\s+mensagem|ضيفني|تابعني|راسلني|كلمني"
)
# "Me" in Urdu, Panjabi and Bengali: a request only with its verb after the platform ("mujhe
# snap pe add karo"), not in "mainu snap te kehnda" (he says to me on snap).
_ME_OTHER = r"mujhe|mujhko|mainu|menu|amake|مجھے|আমাকে|ਮੈਨੂੰ"
_CONTACT_VERB_AFTER = (
    r"(?=\s*(?:\S+\s+){0,2}?(?:add|ایڈ|অ্যাড|ਐਡ|follow|فالو|message|msg|text|dm|snap|kar|kr|karo|kro|"
    r"kardo|kar\s+do|karna|kijiye|krna|kari|karin|bhejo|کرو|کریں|کر\s+دو|করো|ਕਰੋ|ਕਰ)(?![\w]))"
)
_PLATFORM_END = r"(?:ie|a|u|ul|-ul|-u|'?s)?(?![\w])"
_HANDLE_AFTER_CUE = re.compile(rf"[^\n]{{0,25}}?(?<![\w.@]){_HANDLE_ID_STRICT}")
# Platforms whose name is no everyday word in any of the site's languages.
_PLATFORM_STRONG = (
    r"snap\s*chat|snapchat|snap|insta\s*gram|instagram|insta|tik\s*tok|tiktok|discord|kik|"
    r"telegram|roblox|whats\s*app|whatsapp|"
    r"سنیپ\s*چیٹ|سنیپ|اسنیپ|سناب\s*شات|سناب|سناپ|انسٹا|انسٹاگرام|انستا|انستغرام|انستقرام|"
    r"ٹک\s*ٹاک|تیک\s*توک|ڈسکارڈ|دیسکورد|"
    r"ইনস্টা|ইনস্টাগ্রাম|স্ন্যাপ|স্ন্যাপচ্যাট|টিকটক|ডিসকর্ড|"
    r"ਇੰਸਟਾ|ਇੰਸਟਾਗ੍ਰਾਮ|ਸਨੈਪ|ਸਨੈਪਚੈਟ|ਟਿਕਟੌਕ|ਟਿਕਟਾਕ"
)
# Tokens shaped like a username that are not one: a time, an ordinal, a web address.
_NOT_HANDLE = (
    r"(?!\d{1,2}[.:]\d{2}\s*(?:am|pm)?(?![\w]))(?!\d+(?:st|nd|rd|th|am|pm)(?![\w]))"
    r"(?![a-z0-9_.-]*\.(?:uk|com|org|net|gov|io|co)(?![\w]))"
)
_HANDLE_PATTERNS = [
    re.compile(_fold_pattern(p))
    for p in (
        # "@5pm" is a time and "jo@x.com" an address, so neither counts as a handle
        r"(?<![\w.@/])(?P<id>@(?!\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b)"
        r"(?!(?:home|school|work|the|park)\b)[a-z0-9_][a-z0-9_.]{1,29})",
        # discord-style tag name#1234
        r"(?<![\w#])(?P<id>[a-z0-9_.]{2,32}#\d{4})(?!\d)",
        # "i'm on snap as jaydenx_07", "find me on insta as maya.k"
        rf"(?<![\w])(?:on|in)\s+(?:{_PLATFORM}){_PLATFORM_END}\s+(?:as|under|[:@=-])\s*{_HANDLE_ID_STRICT}",
        # "my insta is jess.x", "mój snap to kasia_08", "میرا سنیپ ali_22 ہے"
        rf"(?<![\w])(?:{_POSSESSIVE})\s+(?:\S+\s+)?(?:{_PLATFORM}){_PLATFORM_END}\s*"
        rf"(?:(?:{_IS_WORDS})\s*)?{_HANDLE_ID_STRICT}",
        rf"(?<![\w])(?:{_POSSESSIVE})\s+(?:\S+\s+)?(?:{_PLATFORM}){_PLATFORM_END}\s*"
        rf"(?:name\s+|username\s+|handle\s+|account\s+)?(?:is|=|:|to|é|e|este|hai|ہے|হল|ਹੈ)\s*{_HANDLE_ID}",
        rf"(?<![\w])(?:{_PLATFORM})(?:-?ul)?\s+meu\s+(?:e|este)\s+{_HANDLE_ID}",
        # "sc: jess_09", "ig - @maya"
        rf"(?<![\w])(?:{_PLATFORM})\s*(?::|=|-|–|>)\s*{_HANDLE_ID}",
        # "add me on snap", "dm me on insta", "dodaj mnie na snapie", "mujhe insta pe add karo"
        rf"(?<![\w])(?:{_CONTACT_EN})\s+me(?:\s+up)?\s+(?:on|at|via|in|@)?\s*(?:{_PLATFORM}){_PLATFORM_END}"
        rf"(?:\s*(?:(?:{_IS_WORDS})\s*)?{_HANDLE_ID_STRICT})?",
        rf"(?<![\w])(?:{_CONTACT_OTHER})\s+(?:na|pe|no|pr|par|on|پر|پہ|এ|ਤੇ|على|ع)?\s*(?:{_PLATFORM}){_PLATFORM_END}"
        rf"(?:\s*(?:(?:{_IS_WORDS})\s*)?{_HANDLE_ID_STRICT})?",
        rf"(?<![\w])(?:{_ME_OTHER})\s+(?:na|pe|no|pr|par|on|te|پر|پہ|এ|ਤੇ)?\s*(?:{_PLATFORM}){_PLATFORM_END}"
        rf"{_CONTACT_VERB_AFTER}",
        rf"(?<![\w])(?:{_PLATFORM})\S{{0,3}}\s+(?:pe|par|pr|py|پر|پہ|তে|ਤੇ)?\s*"
        r"(?:add|ایڈ|অ্যাড|ਐਡ|follow|message|msg|فالو)\s*(?:kar|kr|karo|kro|krna|kijiye|کرو|کریں|করো|ਕਰੋ|ਕਰ)",
        r"(?<![\w\d])(?<!\d\s)(?:snap|dm|pm|inbox)\s+me\b",
        # In any language: a platform, then a username within a few words of it ("snap pe
        # add karo, naam hai ali.r99", "na snapie: kasia_lu12").
        rf"(?<![\w])(?:{_PLATFORM_STRONG}){_PLATFORM_END}[^\n!?]{{0,30}}?(?<![\w.@/#])"
        rf"{_NOT_HANDLE}{_HANDLE_ID_STRICT}",
        r"(?<![\w])(?:hmu|hit\s+me\s+up|ضيفني|تابعني|راسلني)(?![\w])",
        r"(?<![\w])slide\s+(?:into|in)\s+my\s+dms?\b",
    )
]

_TLDS = (
    r"com|net|org|co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|uk|io|me|ly|gg|tv|app|info|biz|xyz|"
    r"pl|ro|pt|br|pk|bd|ae|sa|eg|eu|link|site|online|shop|club|live|ai|dev"
)
_LINK = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"']+|(?<![@\w.\-])(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+"
    rf"(?:{_TLDS})(?![\w-])(?:/[^\s<>\"']*)?|"
    rf"(?<![\w])[a-z0-9-]{{2,63}}\s*(?:\(dot\)|\[dot\]|\[\.\]|\s+dot\s+)\s*(?:com|co\s*(?:\.|dot)?\s*uk|net|org|io)\b"
)

_SCHOOL_SUFFIX = (
    r"high\s+school|high|academy|primary\s+school|primary|secondary\s+school|"
    r"junior\s+school|junior\s+academy|juniors?|infants?\s+school|infants|lower\s+school|"
    r"middle\s+school|upper\s+school|grammar\s+school|sixth\s+form\s+college|sixth\s+form|"
    r"catholic\s+school|c\s*of\s*e\s+(?:primary|school|academy)|ce\s+(?:primary|academy)|"
    r"free\s+school|college|school"
)
_SCHOOL_STOP = {
    "the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that",
    "which", "what", "any", "every", "each", "local", "new", "old", "nearby", "good",
    "great", "best", "worst", "bad", "big", "small", "secondary", "primary", "high",
    "junior", "infant", "grammar", "girls", "boys", "state", "private", "faith", "special",
    "sunday", "summer", "driving", "dance", "drama", "swimming", "football", "music", "art",
    "boarding", "night", "after", "holiday", "forest", "language", "very", "too", "so",
    "really", "quite", "pretty", "super", "sports", "sport", "coding", "tennis", "boxing",
    "cricket", "rugby", "netball", "youth", "free", "catholic", "one", "no", "some", "at",
    "to", "in", "from", "of", "for", "and", "or", "near", "by", "next", "before",
    "go", "goes", "went", "attend", "attends", "i", "we", "you", "they", "he", "she",
    "year", "uni", "university", "first", "second", "third", "other", "another", "same",
    "different", "public", "council", "all", "more", "less", "most", "way",
    "far", "is", "are", "was", "were", "be", "prices", "level", "levels", "rents",
    "rent", "costs", "cost", "traffic", "pollution", "crime", "speed", "demand",
    "numbers", "teacher", "teachers", "stay", "stays", "leave", "left", "class",
    "classes", "lessons", "home", "finish", "finished", "start", "started", "about",
    "son's", "sons", "daughter's", "daughters", "kid's", "kids", "child's", "children's",
    "childrens", "children", "friend's", "friends", "brother's", "sister's", "nephew's",
    "niece's", "grandson's", "granddaughter's", "parents", "mums", "dads", "nice",
    "lovely", "amazing", "brilliant", "proper", "real", "actual", "whole", "entire",
}  # fmt: skip
_SCHOOL_CASED = re.compile(
    r"(?<![\w])(?P<name>(?:(?:St\.?|[A-Z][a-z'’\-]+)\s+)(?:(?:St\.?|[A-Z][a-z'’\-]+|of|the|and|&|de|le)\s+){0,3})"
    r"(?P<suffix>(?i:high\s+school|primary\s+school|secondary\s+school|junior\s+school|"
    r"infants?\s+school|grammar\s+school|sixth\s+form\s+college|catholic\s+school|"
    r"c\s*of\s*e\s+(?:primary|school|academy)|high|academy|primary|juniors?|infants|"
    r"sixth\s+form)|School|College|Lower\s+School|Middle\s+School|Upper\s+School|Free\s+School)(?![\w])"
)
_SCHOOL_LOWER = re.compile(
    rf"(?<![\w])(?P<name>(?:{_NAME_TOKEN}\s+){{1,3}})"
    rf"(?P<suffix>high\s+school|academy|primary\s+school|secondary\s+school|junior\s+school|"
    rf"infants?\s+school|grammar\s+school|sixth\s+form\s+college|catholic\s+school)(?![\w])"
)
_SCHOOL_CUE = re.compile(
    rf"(?:go(?:es)?\s+to|went\s+to|going\s+to|attend(?:s|ed|ing)?|study\s+at|studying\s+at|"
    rf"student\s+at|pupil\s+at|year\s+\d+\s+(?:at|in)|teacher\s+at|chodze\s+do|merg\s+la|"
    rf"estudo\s+n[ao]|ando\s+n[ao])\s+(?P<name>(?:{_NAME_TOKEN}\s+){{1,3}})"
    rf"(?P<suffix>{_SCHOOL_SUFFIX})(?![\w])"
)
# Luton's own schools, which people name without a suffix or in lower case.
_LUTON_SCHOOLS = re.compile(
    r"(?<![\w])(?:cardinal\s+newman|lea\s+manor\s+high|stopsley\s+high|denbigh\s+high|"
    r"icknield\s+(?:high|primary)|putteridge\s+(?:high|primary)|challney\s+(?:high|boys|girls)|"
    r"ashcroft\s+high|lealands\s+high|chalk\s+hills(?:\s+academy)?|stockwood\s+park\s+academy|"
    r"barnfield\s+(?:college|west|south)|luton\s+sixth\s+form(?:\s+college)?|"
    r"south\s+hill\s+(?:school|primary|academy)|whipperley\s+infant|ramridge\s+primary|"
    r"sundon\s+park\s+(?:academy|junior)|wenlock\s+(?:ce|junior)|ferrars\s+academy|"
    r"beech\s+hill\s+(?:primary|academy)|surrey\s+street\s+primary|tennyson\s+road\s+primary|"
    r"pirton\s+hill\s+primary|hart\s+hill\s+primary|foxdell\s+(?:infant|junior)|"
    r"waulud\s+primary|william\s+austin|bushmead\s+primary|chantry\s+primary|"
    r"dallow\s+primary|norton\s+road\s+primary|maidenhall\s+(?:primary|academy)|"
    r"someries\s+(?:infant|junior)|warden\s+hill\s+(?:infant|junior)|crawley\s+green\s+infant|"
    r"st\.?\s+(?:joseph'?s|margaret\s+of\s+scotland|martin\s+de\s+porres|matthew'?s)"
    r"(?:\s+(?:primary|catholic|school|rc|infant|junior|academy|c\s*of\s*e))+)(?![\w])"
)
_SCHOOL_FOREIGN = _compile(
    [
        r"(?<![a-z])(?:szkol[aeyi]|liceum|gimnazjum|technikum)\s+(?:podstawow\w+\s+|sredni\w+\s+|ogolnoksztalcace\w*\s+)?(?:nr\.?\s*\d+|im\.?\s+\w+)",
        r"(?<![a-z])(?:scoala|liceul|colegiul)\s+(?:gimnaziala\s+|generala\s+|nationala?\s+|teoretic\s+)?nr\.?\s*\d+",
        r"(?<![a-z])(?:escola|colegio|agrupamento)\s+(?:basica\s+|secundaria\s+|estadual\s+|municipal\s+)(?:d[aoe]s?\s+)?[a-z]+",
    ]
)
# A school named in another script: the word before "High School"/"Academy" is the name.
_SCHOOL_FOREIGN_NAMED = [
    re.compile(_fold_pattern(p))
    for p in (
        r"(?<!\S)(?P<name>\S+)\s+(?:ہائی\s+اسکول|ہائی\s+سکول|اکیڈمی|پرائمری\s+اسکول|پرائمری\s+سکول)",
        r"(?<!\S)(?P<name>\S+)\s+(?:হাই\s+স্কুল|একাডেমি|একাডেমী|প্রাইমারি\s+স্কুল)",
        r"(?<!\S)(?P<name>\S+)\s+(?:ਹਾਈ\s+ਸਕੂਲ|ਅਕੈਡਮੀ|ਪ੍ਰਾਇਮਰੀ\s+ਸਕੂਲ)",
        r"(?:اكاديمية|أكاديمية|مدرسة|ثانوية)\s+(?!ال)(?P<name>\S+)\s+(?:الثانوية|الابتدائية|هاي|اكاديمي)",
        r"(?:اكاديمية|أكاديمية)\s+(?!ال)(?P<name>\S+)",
        # "I'm in year 10 at X" as it is said in Urdu, Bengali and Panjabi: the place before
        # the year group is the school ("main Icknield mein year 10 mein hoon").
        r"(?<!\S)(?:main|mai|mein|men|mae)\s+(?P<name>[a-z][a-z'.]+)\s+(?:mein|main|me|mai|vich|"
        r"wich|ch)\s+(?:year|yr|class|grade|jamat)\s*\d{1,2}\b",
        r"(?<!\S)میں\s+(?P<name>\S+(?:\s+\S+)?)\s+میں\s+(?:ایئر|ائیر|یئر|ییر|کلاس|جماعت)\s*\d{1,2}",
        r"(?<!\S)আমি\s+(?P<name>\S+(?:\s+\S+)?)\s*(?:এ|তে|-এ|য়)\s+(?:ইয়ার|ইয়ার|ক্লাস|শ্রেণী|শ্রেণি)"
        r"\s*\d{1,2}",
        r"(?<!\S)ਮੈਂ\s+(?P<name>\S+(?:\s+\S+)?)\s+(?:ਵਿੱਚ|ਵਿਚ|ਚ)\s+(?:ਯੀਅਰ|ਈਅਰ|ਜਮਾਤ|ਕਲਾਸ)\s*\d{1,2}",
    )
]
_FOREIGN_SCHOOL_STOP = {
    _fold_pattern(w)
    for w in (  # noqa: SIM905 - a word list reads better as one string per language
        # Urdu
        "میرے میرا میری ہمارے ہمارا ہماری اس یہ وہ ایک نیا نئے نئی کسی قریبی اچھا اچھے "
        # Bengali
        "আমার আমাদের এই ওই সেই নতুন একটা একটি কাছের স্থানীয় ভালো "
        # Panjabi
        "ਮੇਰੇ ਮੇਰਾ ਮੇਰੀ ਸਾਡੇ ਸਾਡਾ ਸਾਡੀ ਇਸ ਇਹ ਉਹ ਨਵਾਂ ਨਵੇਂ ਇੱਕ ਕੋਈ ਨੇੜੇ ਚੰਗਾ "
        # Arabic
        "جديدة جيدة قريبة كبيرة صغيرة خاصة حكومية في من هنا "
        # In Latin letters, and the town itself ("main Luton mein year 10": no school named)
        "school skool college apne apni apna mere meri mera is us ek class uni nayi naye kisi "
        "wahan yahan ghar luton england uk dunstable lutn"
    ).split()
}


def _group_span(m: re.Match[str], group: str) -> tuple[int, int] | None:
    if group not in m.re.groupindex:
        return None
    start, end = m.span(group)
    return (start, end) if start >= 0 else None


def _personal_hits(text: str) -> list[Hit]:
    folded = _View.fold(text)
    cased = _View.fold(text, lower=False)
    hits: list[Hit] = []
    # The spans taken so far, kept in order: they never overlap, so a new span overlaps one
    # only if it overlaps the last that starts before it ends. Looking through every span
    # instead made a text of thousands of handles ("@game " repeated) quadratic: 40,000
    # characters took 3.8 s.
    taken: list[tuple[int, int]] = []

    def add(
        kind: str,
        view: _View,
        start: int,
        end: int,
        red: tuple[int, int] | None = None,
        redact_whole: bool = True,
    ) -> None:
        s, e = view.span(start, end)
        before = bisect_left(taken, (e,))  # the spans that start before this one ends
        if before and taken[before - 1][1] > s:
            return
        red_span = view.span(*red) if red else (s, e) if redact_whole else None
        if kind == "phone" and is_organisation_number(text[s:e]):
            return  # an 03, 08 or 09 number is an organisation's, never a private person's
        if kind == "phone" and _public_landline(text, s, e):
            return
        insort(taken, (s, e))
        hits.append(Hit(Category.PERSONAL, kind, s, e, red_span))

    t = folded.text
    for m in _EMAIL.finditer(t):
        add("email", folded, *m.span())
    for m in _EMAIL_OBFUSCATED.finditer(t):
        # "look at bbc.com" is a link, not an address: a spoken "at" needs a known mail
        # provider or a spoken "dot" to count.
        if (
            m.group("word")
            and not _SPOKEN_DOT.search(m.group("rest"))
            and not re.fullmatch(_MAIL_PROVIDERS, m.group("domain"))
        ):
            continue
        add("email", folded, *m.span())
    for m in _LINK.finditer(t):
        end = m.end()
        while end > m.start() and t[end - 1] in ".,;:!?)]}'\"":
            end -= 1
        if _PUBLIC_LINK.search(t[m.start() : end]):
            continue  # the council's own pages (or the NHS's, the police's) name nobody
        add("link", folded, m.start(), end)
    for rx in (_PHONE_UK, _PHONE_UK_BARE44, _PHONE_INTL):
        for m in rx.finditer(t):
            add("phone", folded, *m.span())
    for m in _PHONE_KEYWORD.finditer(t):
        digits = re.sub(r"\D", "", m.group("num"))
        if re.fullmatch(r"(?:(?:19|20)\d\d)+", digits):
            continue  # "call for 2024 2025 budgets" names years
        add("phone", folded, *m.span("num"))
    for m in _POSTCODE.finditer(t):
        outward, inward = m.group("out"), m.group("in")
        if re.fullmatch(r"[am]\d+", outward) and inward[1:] in ("am", "pm"):
            continue  # "the A14 2pm" is a road and a time
        if _public_building_before(t, m.start()):
            continue
        add("postcode", folded, *m.span())
    for m in _ADDRESS_EN.finditer(t):
        names = m.group("name").split()
        street = m.group("street")
        if any(n.strip(".") in _NOT_STREET_NAME for n in names):
            continue
        if street in _AMBIGUOUS_STREET and not re.search(
            rf"(?:{_ADDRESS_CUE})\W+(?:\w+\W+){{0,3}}$", t[max(0, m.start() - 40) : m.start()]
        ):
            continue
        if _public_building_before(t, m.start()):
            continue
        add("address", folded, *m.span())
    for m in _ADDRESS_EN_CASED.finditer(cased.text):
        names = m.group("name").split()
        if any(n.lower().strip(".") in _NOT_STREET_NAME for n in names):
            continue
        if _public_building_before(cased.text.lower(), m.start()):
            continue
        add("address", cased, *m.span())
    for m in _ADDRESS_FOREIGN.finditer(t):
        add("address", folded, *m.span())
    for rx in _HANDLE_PATTERNS:
        for m in rx.finditer(t):
            # "add me on snap" alone names nobody: flag it, but there is nothing to remove.
            add("handle", folded, *m.span(), _group_span(m, "id"), redact_whole=False)
            if _group_span(m, "id") is None:
                # "mujhe insta pe add karo, bilal.22": the username may follow the cue.
                nxt = _HANDLE_AFTER_CUE.match(t, m.end())
                if nxt:
                    add("handle", folded, *nxt.span("id"))
    _school_hits(folded, cased, add)
    for start, end in find_phones(t):
        add("phone", folded, start, end)
    for start, end in joined_mobile_spans(t):
        add("phone", folded, start, end)
    for kind, start, end in (*spaced_out_spans(t, _POSTCODE, _EMAIL), *account_spans(t)):
        add(kind, folded, start, end)
    for start, end in house_number_in_words_spans(text):
        add("address", _View(text, list(range(len(text))), text), start, end)  # as written
    for start, end in school_spans(t):
        add("school", folded, start, end)
    for kind, start, end in foreign_place_spans(t):
        add(kind, folded, start, end)
    for which, start, end in name_spans(cased.text, t):
        add("name", cased if which == "cased" else folded, start, end)
    return hits


_PUBLIC_LINK = re.compile(
    r"(?:^|[/.@])(?:[a-z0-9-]{1,63}\.){0,10}(?:gov\.uk|nhs\.uk|police\.uk)(?![a-z0-9.-])"
)
# "I live near the library, 5 Oak Road": a building named as a landmark beside someone's home.
_HOME_CUE = re.compile(
    r"\b(?:live|living|lives|my\s+(?:house|home|flat|address)|our\s+(?:house|home|flat)|i'?m\s+at|"
    r"we'?re\s+at|near|next\s+to|opposite|behind|round\s+the\s+corner|come\s+to|come\s+round)\b"
)
_PUBLIC_BUILDING = re.compile(
    r"(?:town\s+hall|library|council|civic\s+cent|hat\s+factory|leisure\s+cent|community\s+cent|"
    r"customer\s+service|station|museum|futures\s+house|youth\s+(?:club|centre|center)|"
    r"health\s+cent|hospital|police|fire\s+station|job\s*centre|market|mall)[^.!?\n]{0,40}$"
)


def _public_building_before(text: str, start: int) -> bool:
    """Whether the address or postcode at ``start`` follows the name of a public building."""
    before = text[max(0, start - 60) : start]
    return bool(_PUBLIC_BUILDING.search(before)) and not _HOME_CUE.search(before)


# Whose number it is: "call me on", "my mum's number", "our home phone".
_NUMBER_OWNER_CUE = re.compile(
    r"\b(?:me|my|mine|us|our|his|her|their|mum'?s?|dad'?s?|nan'?s?|brother'?s?|sister'?s?|"
    r"friend'?s?|home|mobile|personal|private)\b"
)


def _public_landline(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] is a landline given as a public building's ("the
    council number 01582 546000", "ring the library on ..."): nobody's personal details. A
    mobile is never taken for one (it may be a worker's own), nor a number someone calls theirs."""
    if not is_landline(text[start:end]):
        return False
    before = text[max(0, start - 60) : start].lower()
    return _public_building_before(before, len(before)) and not _NUMBER_OWNER_CUE.search(before)


def _school_hits(folded: _View, cased: _View, add) -> None:
    for m in _LUTON_SCHOOLS.finditer(folded.text):
        add("school", folded, *m.span())
    for rx, view in ((_SCHOOL_CASED, cased), (_SCHOOL_CUE, folded), (_SCHOOL_LOWER, folded)):
        for m in rx.finditer(view.text):
            # The name is the run of words before the suffix up to the first stop word:
            # "parents at Denbigh High" names "Denbigh", "the football academy" nothing.
            tokens = list(re.finditer(r"\S+", m.group("name")))
            keep = 0
            for tok in reversed(tokens):
                if tok.group(0).strip(".'’").lower() in _SCHOOL_STOP:
                    break
                keep += 1
            if not keep:
                continue
            start = m.start("name") + tokens[len(tokens) - keep].start()
            add("school", view, start, m.end())
    for m in _SCHOOL_FOREIGN.finditer(folded.text):
        add("school", folded, *m.span())
    for rx in _SCHOOL_FOREIGN_NAMED:
        for m in rx.finditer(folded.text):
            if m.group("name") not in _FOREIGN_SCHOOL_STOP:
                add("school", folded, m.start("name"), m.end())
