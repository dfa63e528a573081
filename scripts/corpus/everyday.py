"""Everyday consultation comments, put together from parts, in every language.

Most of what people write is harmless, and harmless comments vary more than any template
list: subject x remark x ending gives thousands of plain comments, many with words that
also appear in risky messages (die, kill, alone, secret, home, meet, food, cut, bag, run).
Each remark is its own template family (for the split); subjects and endings are shared.
"""

from __future__ import annotations

PARTS = {
    "en": {
        "subject": [
            "the bins on {street}", "the {bus} bus", "{place}", "the park in {area}", "the youth club",
            "the library", "our school bus", "parking near {place}", "the streetlights in {area}",
            "the skatepark", "the playground", "{topic}", "the new cycle lane", "the food bank",
            "the football pitches at {place}", "the road outside my school", "the shops in {area}",
            "the council", "council tax", "the consultation", "this survey", "rent in Luton",
            "the council's instagram", "the council tiktok", "the council website", "the main road",
            "the high street", "the hedges on {street}", "dog mess in the park", "the leisure centre",
            "family housing", "the new flats", "the night bus", "the meeting at the town hall",
        ],
        "remark": [
            "is always full", "needs fixing asap", "is brilliant", "could be way better",
            "has been broken for {n} weeks", "is killing me honestly", "is dead after 8pm",
            "is a nightmare on saturdays", "should open later", "is too expensive", "is so dirty",
            "needs more lights, its dark and i dont feel safe walking home", "is where we meet up",
            "is the only place to go", "is getting cut, please dont", "would be sick with wifi",
            "is a death trap for cyclists", "has no bins so litter everywhere", "is way too far",
            "keeps me going tbh", "was packed, couldnt even get in", "is my favourite place",
            "needs more staff", "is fine but the toilets are grim", "is dying, nobody goes anymore",
            "should have free food for kids in the holidays", "is where i go after school",
            "never listens to young people", "keeps going up and nobody can afford it",
            "is really helpful for updates", "should be at 6pm so people can come after work",
            "will kill the high street if they do this", "needs cutting, you cant see round the corner",
            "is a real problem", "is far too high for young people", "was a snap decision, shameful",
            "never answers the phone", "has no point unless they actually act on it",
            "leaves people alone to deal with it", "is the only thing keeping this area alive",
            "makes me want to move out of luton", "should stay open late in the summer",
            "hits hard when you're on a low wage", "is a joke but i still voted",
            "gives us a reason to get out of the house", "should post on snap and tiktok more",
            "needs a secret garden bit with flowers", "could have a gift shop",
            "has me losing the will to live lol", "is honestly so bad it hurts",
        ],
        "ending": ["", "", ".", "!", " pls", " thanks", " lol", " tbh", " imo", " x", " 👍", " fr"],
    },
    "ur": {
        "subject": ["{street} پر کوڑا", "{bus} نمبر بس", "{area} کا پارک", "یوتھ کلب", "لائبریری", "{place}", "سکول کے باہر سڑک"],
        "remark": ["ہمیشہ بھری ہوتی ہے", "ٹھیک کرنے کی ضرورت ہے", "بہت اچھا ہے", "بہت گندا ہے", "رات کو بہت اندھیرا ہوتا ہے", "بہت مہنگا ہے", "زیادہ دیر کھلا رہنا چاہیے", "ہفتوں سے خراب ہے"],
        "ending": ["", "", "۔", "!", " شکریہ"],
    },
    "ur-Latn": {
        "subject": ["{street} pe kachra", "{bus} bus", "{area} ka park", "youth club", "library", "{place}", "school ke bahar road"],
        "remark": ["hamesha bhari hoti hai", "theek karni chahiye", "bohat acha hai", "bohat ganda hai", "raat ko bohat andhera hota hai", "bohat mehnga hai", "der tak khula rehna chahiye", "hafton se kharab hai", "mein mazza aata hai"],
        "ending": ["", "", " yaar", " plz", " shukriya", " lol"],
    },
    "bn": {
        "subject": ["{street} এর ময়লা", "{bus} নম্বর বাস", "{area} এর পার্ক", "ইয়ুথ ক্লাব", "লাইব্রেরি", "{place}", "স্কুলের সামনের রাস্তা"],
        "remark": ["সবসময় ভরা থাকে", "ঠিক করা দরকার", "খুব ভালো", "খুব নোংরা", "রাতে খুব অন্ধকার", "খুব দামি", "আরও দেরি পর্যন্ত খোলা থাকা উচিত", "অনেক সপ্তাহ ধরে নষ্ট"],
        "ending": ["", "", "।", "!", " ধন্যবাদ"],
    },
    "pa": {
        "subject": ["{street} ਤੇ ਕੂੜਾ", "{bus} ਨੰਬਰ ਬੱਸ", "{area} ਦਾ ਪਾਰਕ", "ਯੂਥ ਕਲੱਬ", "ਲਾਇਬ੍ਰੇਰੀ", "{place}", "ਸਕੂਲ ਦੇ ਬਾਹਰ ਸੜਕ"],
        "remark": ["ਹਮੇਸ਼ਾ ਭਰੀ ਹੁੰਦੀ ਹੈ", "ਠੀਕ ਕਰਨ ਦੀ ਲੋੜ ਹੈ", "ਬਹੁਤ ਵਧੀਆ ਹੈ", "ਬਹੁਤ ਗੰਦਾ ਹੈ", "ਰਾਤ ਨੂੰ ਬਹੁਤ ਹਨੇਰਾ ਹੁੰਦਾ ਹੈ", "ਬਹੁਤ ਮਹਿੰਗਾ ਹੈ", "ਹਫ਼ਤਿਆਂ ਤੋਂ ਖਰਾਬ ਹੈ"],
        "ending": ["", "", "।", "!", " ਧੰਨਵਾਦ"],
    },
    "pa-Latn": {
        "subject": ["{street} te kooda", "{bus} bus", "{area} da park", "youth club", "library", "{place}", "school de bahar sadak"],
        "remark": ["hamesha bhari hundi aa", "theek karni chahidi", "bahut vadiya aa", "bahut ganda aa", "raat nu bahut hanera hunda", "bahut mehnga aa", "hafteyan ton kharab aa"],
        "ending": ["", "", " yaar", " plz", " shukriya", " lol"],
    },
    "pl": {
        "subject": ["śmieci na {street}", "autobus {bus}", "park w {area}", "klub młodzieżowy", "biblioteka", "{place}", "droga przy szkole"],
        "remark": ["jest zawsze pełny", "trzeba naprawić", "jest super", "jest brudny", "w nocy jest za ciemno", "jest za drogi", "powinien być dłużej otwarty", "od tygodni jest zepsuty", "to miejsce gdzie się spotykamy"],
        "ending": ["", "", ".", "!", " dzięki", " serio"],
    },
    "ro": {
        "subject": ["gunoiul de pe {street}", "autobuzul {bus}", "parcul din {area}", "clubul de tineret", "biblioteca", "{place}", "drumul de lângă școală", "autobuzul-ul {bus}"],
        "remark": ["e mereu plin", "trebuie reparat", "e super", "e murdar", "noaptea e prea întuneric", "e prea scump", "ar trebui să fie deschis mai mult", "e stricat de săptămâni", "e locul unde ne întâlnim"],
        "ending": ["", "", ".", "!", " mersi", " vă rog"],
    },
    "pt": {
        "subject": ["o lixo na {street}", "o autocarro {bus}", "o parque em {area}", "o clube de jovens", "a biblioteca", "{place}", "a estrada da escola"],
        "remark": ["está sempre cheio", "precisa de arranjo", "é fixe", "está sujo", "à noite está muito escuro", "é caro demais", "devia abrir até mais tarde", "está avariado há semanas", "é onde nos encontramos"],
        "ending": ["", "", ".", "!", " obrigado", " por favor"],
    },
    "ar": {
        "subject": ["الزبالة في {street}", "باص {bus}", "الحديقة في {area}", "نادي الشباب", "المكتبة", "{place}", "الطريق جنب المدرسة"],
        "remark": ["دائماً مزدحم", "يحتاج تصليح", "ممتاز", "وسخ كثير", "مظلم جداً في الليل", "غالي كثير", "لازم يفتح لوقت أطول", "خربان من أسابيع", "هو المكان اللي نلتقي فيه"],
        "ending": ["", "", ".", "!", " شكراً"],
    },
}  # fmt: skip


def families():
    """(language, family name, template) for every remark, with a subject slot and an ending."""
    for lang, parts in PARTS.items():
        subjects = "|".join(parts["subject"])
        endings = "|".join(parts["ending"])
        for i, remark in enumerate(parts["remark"]):
            if lang in ("ur", "ur-Latn", "pa", "pa-Latn", "bn"):
                pass  # subject-object-verb: the remark already ends the sentence
            yield lang, f"{lang}/everyday/{i}", f"[{subjects}] {remark}[{endings}]"
