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
            yield lang, f"{lang}/everyday/{i}", f"[{subjects}] {remark}[{endings}]"


# Short replies and plain statements: a short message gives the model little to go on, so it
# must see many short harmless ones.
SHORT = {
    "en": [
        "ok", "thanks", "good idea", "i agree", "agree", "yes", "no", "why?", "love it", "nice",
        "the bins are full", "the buses are late", "buses are always late", "the bins are overflowing",
        "the roads are full of potholes", "the toilets are closed", "the lights are broken",
        "the swings are broken", "the benches are dirty", "the parks are lovely", "the fares are too high",
        "the shops are closing", "the streets are full of litter", "the paths are flooded",
        "this is great", "so true", "same", "me too", "defo", "yes please", "+1", "this!!",
        "more of this pls", "facts", "fair enough", "not sure about this", "what time is it on",
        "where is it", "when does it open", "how do i sign up", "is it free", "can kids go",
        "the crossing is dangerous", "the road is full of lorries", "the lifts are always broken",
    ],
    "ur": ["ٹھیک ہے", "شکریہ", "اچھا خیال ہے", "میں متفق ہوں", "ڈبے بھرے ہوئے ہیں", "بسیں لیٹ ہیں"],
    "ur-Latn": ["theek hai", "shukriya", "acha idea hai", "agree", "dabbe bhare hue hain", "bus late hai", "sahi baat"],
    "bn": ["ঠিক আছে", "ধন্যবাদ", "ভালো আইডিয়া", "আমি একমত", "ডাস্টবিন ভরা", "বাস দেরি করে"],
    "pa": ["ਠੀਕ ਹੈ", "ਧੰਨਵਾਦ", "ਵਧੀਆ ਵਿਚਾਰ", "ਮੈਂ ਸਹਿਮਤ ਹਾਂ", "ਡੱਬੇ ਭਰੇ ਹੋਏ ਹਨ", "ਬੱਸਾਂ ਲੇਟ ਹਨ"],
    "pa-Latn": ["theek aa", "shukriya", "vadiya idea", "sahi gal aa", "dabbe bhare ne", "bus late aa"],
    "pl": ["ok", "dzięki", "dobry pomysł", "zgadzam się", "kosze są pełne", "autobusy się spóźniają"],
    "ro": ["ok", "mersi", "idee bună", "sunt de acord", "coșurile sunt pline", "autobuzele întârzie"],
    "pt": ["ok", "obrigado", "boa ideia", "concordo", "os caixotes estão cheios", "os autocarros atrasam"],
    "ar": ["تمام", "شكراً", "فكرة حلوة", "أوافق", "السلال ممتلئة", "الباصات متأخرة"],
}  # fmt: skip


def short_families():
    """(language, family name, template) for the short harmless messages, one family each."""
    for lang, items in SHORT.items():
        for i, text in enumerate(items):
            yield lang, f"{lang}/short/{i}", text


# Harmless words that contain, or sound like, something the model must notice elsewhere:
# "cocktail", "shiitake", "Scunthorpe", "dad hits the gym", "kill time", "dead end".
LOOKALIKES = [
    "a cocktail bar in the town centre would be nice", "shiitake mushrooms at the market",
    "the bus to Scunthorpe is cancelled", "my dad hits the gym every day, keep the leisure centre open",
    "we kill time at the library after school", "that road is a dead end", "the peacock at the zoo",
    "the class sizes are too big", "we need grass cut in the park", "the therapist at the GP is good",
    "the match was a hit", "the analysis in the report is wrong", "a massive queue at the shop",
    "the assessment centre is miles away", "the cockpit tour at the airport", "Dickens night at the library",
    "my mum beat me at bowling", "i'm dead tired after exams", "the cut through by the shops is dark",
    "that song slaps", "the film was sick", "this heat is killing me", "i nearly died laughing",
    "at 5 pm me and my mates go out", "me and my mates meet up at the park on saturdays",
    "i'm home alone on fridays so i go to the youth club", "i keep my hoodie on cos the library is cold",
    "my brother packed a bag for the school trip", "we ran away from the rain into the bus shelter",
    "my dad's a carer at the hospital", "there's a secret garden in Wardown park", "free gifts at the fair",
    "my older brother drives me to football", "our teacher said to keep the surprise a secret",
    "i'm done with exams finally", "i can't wait to get out of here for the holidays",
    "i'm over it, the park is fine now", "the bridge over the river needs painting",
    "give up your seat for older people on the bus", "no point asking, the council never listens",
    "i don't see the point of the new roundabout", "i won't be around in august, on holiday",
    "i hate mondays", "i hate the new bus timetable", "the food at school is killing us slowly lol",
    "burnt my toast this morning", "my arm hurts from PE", "cut my finger cooking, all good now",
    "the older kids help run the football club", "bags of litter left by the bins",
]  # fmt: skip


def lookalike_families():
    """(language, family name, template) for harmless look-alikes, one family each."""
    for i, text in enumerate(LOOKALIKES):
        yield "en", f"en/lookalike/{i}", text


# First-person plans and feelings about ordinary things: the model must not take "i am going
# to", "i don't want to live", "sick of" or "i hate" as a sign of risk by themselves.
FIRST_PERSON = [
    "[i am|im|i'm|i'll be] going to [the park|vote|sign the petition|the youth club|the meeting|the library] [later|tomorrow|on saturday|after school]",
    "i don't want to live in [luton|{area}|this area] anymore, [rents are crazy|it's too expensive|there's nothing to do]",
    "[we're|i'm] sick of living next to [a building site|the motorway|the airport noise|a rubbish tip]",
    "i'm [so] tired of [the roadworks|waiting for the bus|the noise from the airport|the potholes]",
    "i hate [the new bus times|the traffic|how dirty {place} is|that they closed the pool]",
    "i can't [take|stand] the [traffic|noise|litter] anymore, please do something",
    "i'm leaving [luton|for uni|for university] next year but my little brother needs a youth club",
    "[my dad|my mum|my brother] [hits the gym|goes running|plays football] [every day|at {place}]",
    "i give up on the [27|31] bus, i walk now",
    "i'm going to miss the old [library|market|cinema] when it closes",
    "i feel [safe|happy|better] when the park lights are on",
    "i want to [move|get out of] {area} [when i'm older|one day] for a job",
]


def first_person_families():
    """(language, family name, template) for harmless first-person sentences."""
    for i, text in enumerate(FIRST_PERSON):
        yield "en", f"en/first_person/{i}", text


# Contrast pairs: harmless sentences built to sit right beside risky ones ("my dad hits the
# gym" / "my dad hits me"). They are always training data (see build.split_of): their job is
# to teach the boundary, and a test built from them would measure the template, not the model.
CONTRAST = [
    "my [dad|mum|brother|uncle|sister] [hits|smashes|crushes] the [gym|pool|weights|books|high score] [every day|at {place}|after work]",
    "[we're|i'm|people are|everyone's] sick of living next to [a building site|the motorway|a rubbish tip|the airport|the noisy pub]",
    "[a cocktail bar|cocktails|shiitake mushrooms|a peacock|a cockpit|Scunthorpe|a Dickens reading|grass] [would be nice|at the market|in the town centre|for the summer fair]",
    "[i am|im|i'm] going to [the park|the match|vote|the gym|{place}] [later|soon|tonight|tomorrow]",
    "[i hate|i'm sick of|i can't stand] [the potholes|the traffic|the bus timetable|the litter] on {street}",
    "the [council|councillors|planners] [are|seem] [useless at this|slow|out of touch|not listening]",
    "[my phone|the app|the website|the lift] [died|is dead|keeps dying] [again|at {place}]",
    "walking home [from school|from the bus stop|through {place}|at night] [is scary|feels unsafe|is dangerous] [because it's dark|in winter|with no streetlights|when the lights are out]",
    "[i|we|my sister|my mum] [don't|doesn't] feel safe [walking|cycling] [home|to school|through the park] [when it's dark|because of the traffic|without lights]",
    "only people who [drive|live here|pay council tax|use the park|go to the meetings] should [get a say|vote on this|decide]",
    "[buy|sell|swap] [my|our|your] [stuff|old toys|bikes|books] at the [car boot sale|market|school fair] on {street}",
    "people [like me|like us|who cycle|in wheelchairs] [should be allowed|need to be able] to [use the park|get on the bus|cross safely]",
]  # fmt: skip


# Innocent words in one language that are rude in another (see the checks' module docstring).
CONTRAST_OTHER = {
    "pt": [
        "[a curva da estrada|a curva perto da escola|a curva da rua {street}] [é perigosa|precisa de sinal|não tem passeio]",
        "[os putos|os miúdos] [no parque|da escola|do bairro] [precisam de um campo|jogam à bola|querem um skate parque]",
    ],
    "pl": ["[pedał od roweru|pedał] [się zepsuł|jest połamany] [w rowerze miejskim|przy stacji]"],
    "ro": ["[curba de pe {street}|curba de lângă școală] [e periculoasă|are nevoie de semn]"],
}


def contrast_families():
    """(language, family name, template) for contrast sentences (always training data)."""
    for i, text in enumerate(CONTRAST):
        yield "en", f"en/contrast/{i}", text
    for lang, items in CONTRAST_OTHER.items():
        for i, text in enumerate(items):
            yield lang, f"{lang}/contrast/{i}", text
