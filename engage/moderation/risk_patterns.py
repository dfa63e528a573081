"""The safeguarding-risk patterns of the rules, by kind (read by checks.py).

Each pattern runs on the normalised text (see checks.py): lower case, accents and Arabic
vowel marks dropped, digits made ASCII. Decisions on borderline phrases are in checks.py's
module docstring.
"""

# A first-person subject and the words that may stand between it and the verb.
_LEAD = r"\b(?:i|i'?m|i'?ve|i'?ll|i'?d|imma|ima|me\s+gonna)\b"
_AUX = (
    r"(?:\s+(?:am|will|would|just|really|honestly|seriously|literally|actually|genuinely|"
    r"kinda|lowkey|so|still|even|also|sometimes|often|always|want|wanna|wanted|going|gonna|"
    r"gna|to|might|may|could|should|plan|planning|planned|on|decided|ready|about|thinking|"
    r"think|thought|of|wish|need|have|had|been|feel|feeling|like|gotta|try|trying|tried|"
    r"keep|kept|do|never|already|almost|nearly|probably|prob|definitely|def|tonight|today|"
    r"soon|now|tbh|fr|and|finally|swear|i|just|can|could|go|gonna|rather)){0,8}"
)
_NOT_FIGURATIVE = (
    r"(?!\s+(?:of|for|laughing|from|than|if|when|in\s+the|at\s+the|with|inside|a\s+little))"
)
_SUBJ = (
    r"(?:he|she|they|dad|daddy|mum|mom|mummy|mommy|mother|father|step\s*-?\s*(?:dad|mum|mom|"
    r"father|mother)|stepdad|stepmum|uncle|aunt|auntie|brother|sister|cousin|grandad|"
    r"grandpa|granddad|grandma|grandmother|grandfather|nan|nana|boyfriend|girlfriend|bf|gf|"
    r"partner|husband|wife|carer|foster\s+(?:dad|mum|mom|parents?|carer)|teacher|coach|tutor|"
    r"neighbou?r|man|guy|lad|someone|somebody|family|parents|people\s+at\s+home|friend|mate|"
    r"boys|girls|kids|lads)"
)
_BETWEEN = (
    r"(?:\s+(?:always|keeps|keep|kept|still|often|sometimes|has|have|had|been|will|would|"
    r"used\s+to|started|starts|also|even|then|just|literally|again|really|constantly|tries\s+to|"
    r"tried\s+to|to|does|did|who|everyday|every\s+day|at\s+home|'?s|is|was|are|were|"
    r"when\s+(?:he'?s|she'?s)\s+drunk)){0,5}"
)
# "run away to the seaside": running off on holiday is not running away from home.
_HOLIDAY = (
    r"(?!\s+(?:to|for)\s+(?:the\s+|a\s+)?(?:seaside|beach|coast|sea|holidays?|circus|weekend|"
    r"spain|france|paris|disney\w*|theme\s+park|festival)\b)"
)
_ACCIDENT = (
    r"(?!\s+(?:on\s+(?!purpose)|when|while|playing|at\s+(?:the|football|work|school|training)|"
    r"by\s+accident|accidentally|slightly|a\s+bit|falling|shaving|cooking|climbing|in\s+the\s+"
    r"(?:park|playground|kitchen|garden)|with\s+(?:the|a)\s+(?:knife|scissors|door|saw|lawnmower)|"
    r"num|no|na|em|la\s+deget)\b)"
)
# As _ACCIDENT, but "when" and "while" may follow: "slashes his wrists when he's upset".
_MISHAP = (
    r"(?!\s+(?:on\s+(?!purpose)|playing|at\s+(?:the|football|work|school|training)|by\s+accident|"
    r"accidentally|falling|shaving|cooking|climbing|in\s+the\s+(?:park|playground|kitchen|garden)|"
    r"with\s+(?:the|a)\s+(?:knife|scissors|door|saw|lawnmower))\b)"
)

RISK_PATTERNS: dict[str, list[str]] = {
    "suicide": [
        # English
        r"\bkill(?:ing|ed)?\s*(?:my\s*self|meself|myslef|mysef|my\s+slf)\b",
        r"(?<!\d)(?<!\d\s)\bkms\b",
        r"\b(?:end(?:ing)?|take|taking|took)\s+my\s+(?:own\s+)?life\b",
        r"\b(?:commit(?:ting)?|attempt(?:ed|ing)?|tried|try(?:ing)?)\s+(?:to\s+)?(?:commit\s+)?suicide\b",
        r"\bsuicidal\b",
        r"\bsuicide\s+(?:note|plan|attempt|thoughts?)\b",
        r"\b(?:thinking|think|thought|thoughts)\s+(?:about|of)\s+(?:suicide|killing\s+myself|ending\s+(?:it|my\s+life|things|everything)|dying|death|not\s+being\s+(?:here|alive)|jumping\s+(?:off|in\s+front))",
        rf"\b(?:want|wanna|wish|wishing|ready|deserve|need)\s+(?:to\s+)?(?:just\s+)?(?:die+|be\s+dead)\b{_NOT_FIGURATIVE}",
        rf"{_LEAD}{_AUX}\s+(?:end\s+it(?:\s+all)?|end\s+(?:everything|things)|die+|disappear(?:\s+forever)?|not\s+wake\s+up|never\s+wake\s+up|jump\s+(?:off|in\s+front\s+of|from)\s+(?:a|the)\s+\w+)\b{_NOT_FIGURATIVE}",
        r"\brather\s+(?:be\s+)?dead\b(?!\s+than)",
        # "I won't see next year anyway": not living to a date, not missing an event there.
        r"\b(?:won'?t|wont|will\s+not|not\s+gonna|not\s+going\s+to)\s+(?:\w+\s+)?(?:see|make\s+it\s+to|"
        r"live\s+to\s+see|be\s+(?:alive|around)\s+(?:for|by|at))\s+(?:next\s+(?:year|christmas|summer|"
        r"birthday)|christmas|my\s+(?:next\s+)?birthday|another\s+(?:year|birthday|christmas|summer)|"
        r"the\s+(?:new\s+year|end\s+of\s+(?:the|this)\s+year))\b(?!\s*'s|\s+(?:budget|plan|results?|"
        r"timetable|schedule|fares?|changes?|event|festival|lights|market|tree|parade|fair|show|"
        r"because|cos|as\s+i|since|if)\b)",
        r"\brather\s+die\b(?!\s+than|\s+of)",
        r"\bwish\s+i\s+(?:was|were|could|would|'?d)\s+(?:just\s+)?(?:dead|die|disappear|gone|not\s+(?:here|alive|born))\b",
        r"\bwish\s+i\s+(?:had|'?d)\s+never\s+been\s+born\b",
        r"\bwish\s+i\s+(?:wasn'?t|weren'?t|was\s+never|were\s+never)\s+(?:born|alive|here)\b",
        r"\bwish\s+i\s+didn'?t\s+exist\b",
        r"\bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were)(?:n'?t|\s+not)\s+(?:here|around|alive)|if\s+i\s+(?:was|were)\s+(?:dead|gone))",
        r"\b(?:no\s*one|nobody|noone|no\s+body|not\s+one\s+person)\s+(?:would|will|'?d|is\s+going\s+to|is\s+gonna|even)?\s*(?:even\s+)?(?:miss|care|notice|cares|notices|misses|loves|wants)\s+(?:me\b|if\s+i\b|about\s+me\b|that\s+i\b)",
        # "nobody at home would care": the clause ends there, nothing else is cared about.
        r"\b(?:no\s*one|nobody|noone)(?:\s+(?:at\s+home|here|in\s+my\s+family|in\s+the\s+world))?\s+(?:would|will|'?d)\s+(?:even\s+|really\s+)?(?:care|notice)\b(?=\s*(?:[.!?,;]|$|\s+(?:anyway|tbh|if\s+i|when\s+i|at\s+all)\b))",
        r"\b(?:no\s+(?:reason|point)|nothing(?:\s+left)?)\s+(?:to|in)\s+(?:live|living|life|being\s+alive|go(?:ing)?\s+on|carry(?:ing)?\s+on)\b",
        r"\b(?:see|find|any|there'?s\s+no|isn'?t\s+any|is\s+there\s+any)\s+(?:the\s+)?(?:point|reason)\s+(?:in|of|to|for)\s+(?:living|life|being\s+alive|going\s+on|carrying\s+on|existing|being\s+here|me\s+being\s+here|trying\s+any\s*more)\b",
        r"\b(?:giv(?:e|ing)\s+up\s+on\s+(?:life|living|everything|myself)|feel\s+like\s+giving\s+up\s+on\s+(?:life|everything))\b",
        r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b",
        r"\b(?:don'?t|do\s+not|dont|no\s+longer|never|doesn'?t)\s+want\s+to\s+(?:live(?!\s+(?:in|here|there|on|near|at|with|next|by|close|somewhere|like))|be\s+alive|be\s+here\s+(?:any\s*more|anymore)|exist|wake\s+up|carry\s+on|go\s+on)\b",
        r"\bcan'?t\s+(?:go\s+on|carry\s+on|cope|do\s+this|keep\s+going|take\s+it)\s+(?:any\s*more|anymore|like\s+this)\b",
        r"\b(?:done|finished|tired|sick)\s+(?:with|of)\s+(?:life|living|being\s+alive|existing)\b"
        r"(?!\s+(?:next|near|in|here|there|with|on|at|by|beside|like|under|opposite|round)\b)",
        r"\blife\s+(?:is|isn'?t|isnt|is\s+not|aint|ain'?t)\s+(?:not\s+)?worth\s+(?:living|it)\b",
        r"\bnot\s+worth\s+living\b",
        r"\b(?:take|took|taking|swallow(?:ed|ing)?)\s+(?:an\s+)?overdose\b",
        r"\b(?:take|took|taking|swallow(?:ed|ing)?|down(?:ed)?)\s+(?:all|loads|a\s+load|a\s+bunch|a\s+(?:whole\s+)?(?:bottle|packet|box|handful))\s+(?:of\s+)?(?:\S+\s+){0,2}?(?:pills|tablets|paracetamol|meds|medication|painkillers)\b",
        rf"{_LEAD}{_AUX}\s+overdos(?:e|ed|ing)\b",
        rf"{_LEAD}{_AUX}\s+(?:leave|go|disappear|walk\s+out|go\s+away)\s+and\s+(?:never|not|won'?t)\s+(?:come|go)\s+back\b",
        r"\b(?:hang|hanging|hanged)\s+my\s*self\b",
        r"\bslit(?:ting)?\s+my\s+(?:wrists?|throat)\b",
        r"\bthrow(?:ing)?\s+my\s*self\s+(?:off|in\s+front|under)\b",
        r"\b(?:won'?t|not\s+(?:gonna|going\s+to))\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+long|any\s*more|anymore|by\s+(?:next|the\s+end))",
        r"\bwhat'?s\s+the\s+point\s+(?:of|in)\s+(?:living|being\s+alive|life|going\s+on|carrying\s+on|me)\b",
        r"\b(?:want|wanna|wish\s+i\s+could)\s+(?:to\s+)?(?:sleep|disappear)\s+(?:forever|and\s+never\s+wake\s+up)\b",
        r"\bdisappear\s+forever\b",
        # Polish
        r"\b(?:chce|chcialbym|chcialabym|chcialam|chcialem|wole|mam\s+ochote)\s+(?:juz\s+|po\s+prostu\s+|tylko\s+|naprawde\s+)*(?:umrzec|nie\s+zyc|zniknac|sie\s+zabic|skonczyc\s+ze\s+soba)\b",
        r"\bzabi(?:je|c|jac|lbym|labym)\s+sie\b",
        r"\bsie\s+zabi(?:je|c|jac)\b",
        # The bare topic word ("suicide prevention") is not a disclosure; a person's own
        # thoughts, plans or attempts are.
        r"\b(?:mysle|myslalem|myslalam|mysli|myslenie|planuje|probowalem|probowalam|probowac|popelnic|popelnie|zamiar|chce)\s+(?:o\s+|popelnic\s+)?samoboj\w*",
        r"\bmysli\s+samobojcze\b",
        r"\bnie\s+(?:chce|chcialbym|chcialabym|moge|umiem)\s+(?:juz\s+|dluzej\s+|wiecej\s+|dalej\s+|tak\s+)*(?:zyc|tu\s+byc|istniec)\b",
        r"\bnie\s+mam\s+po\s+co\s+zyc\b",
        r"\b(?:nie\s+ma\s+sensu\s+zyc|zycie\s+nie\s+ma\s+sensu)\b",
        r"\bnikt\s+(?:by\s+)?(?:\w+\s+){0,3}nie\s+(?:tesknil\w*|zatesknil\w*|zauwazyl\w*|zauwazy\w*|bedzie\s+(?:za\s+mna\s+)?tesknil\w*)",
        r"\blepiej\s+(?:\w+\s+)?beze\s+mnie\b",
        r"\bskoncz(?:e|yc)\s+ze\s+soba\b",
        r"\b(?:odebrac|odbiore)\s+sobie\s+zycie\b",
        # Romanian
        r"\b(?:vreau|as\s+vrea|vroiam|imi\s+vine)\s+sa\s+(?:mor|dispar|nu\s+mai\s+traiesc)\b",
        r"\bma\s+(?:omor|sinucid)\b(?!\s+(?:dupa|de\s+ras|cu\s+firea|de\s+foame|de\s+frig|de\s+cald))",
        r"\bsa\s+ma\s+(?:omor|sinucid)\b",
        r"\b(?:ganduri|gand|ma\s+gandesc|gandesc|vreau|am\s+incercat|incerc|tentativa|tentative)\s+(?:de\s+|la\s+|sa\s+)?(?:ma\s+)?sinucid\w*",
        r"\bnu\s+(?:mai\s+)?vreau\s+sa\s+(?:mai\s+)?(?:traiesc|exist|fiu\s+aici)\b",
        r"\bnimeni\s+nu\s+(?:mi-?ar|ar|o\s+sa|va)\s+(?:\w+\s+)?(?:simti|observa|duce|pasa)\w*",
        r"\b(?:n-?ar|nu\s+ar)\s+simti\s+nimeni\s+lipsa\b",
        r"\b(?:mai|ar\s+fi\s+mai)\s+bine\s+(?:\w+\s+)?(?:fara\s+mine|sa\s+mor|mort|moarta)\b",
        r"\b(?:sa-?mi|imi|sa\s+imi)\s+(?:iau|ia)\s+viata\b",
        r"\b(?:sa-?mi|imi)\s+pun\s+capat\s+(?:zilelor|vietii)\b",
        # Portuguese
        r"\b(?:quero|queria|vou|apetece-me|desejo|vontade\s+de|me\s+apetece)\s+(?:so\s+|mesmo\s+)?morrer\b",
        # "está a matar-me" (this traffic is killing me) is figurative; an intent verb is not.
        r"\b(?:vou|quero|queria|penso\s+em|vontade\s+de|tentei|tentar|ia|devia|vou-me|acho\s+que\s+vou)\s+(?:me\s+matar|matar-me|me\s+suicidar|suicidar(?:-me)?)\b",
        r"\b(?:me\s+mato|mato-me|vou-me\s+matar|me\s+suicidar|suicidar-me)\b",
        r"\b(?:pensar|penso|pensando|pensei|tentei|tentativa|tentar|cometer|ideias?|pensamentos?|quero|vou)\s+(?:em\s+|no\s+|o\s+|de\s+)?(?:suicidio|suicidas?|suicidar)\b",
        r"\b(?:estou|sinto-me|me\s+sinto|ando|fico)\s+suicida\b",
        r"\bnao\s+(?:quero|aguento|consigo)\s+(?:mais\s+)?(?:viver|existir|estar\s+aqui|acordar)\b",
        r"\bninguem\s+(?:\w+\s+){0,2}(?:sentir\w*|notar\w*|sentia)\s+(?:a\s+)?(?:minha\s+)?falta\b",
        r"\bninguem\s+(?:se\s+)?importa\s+comigo\b",
        r"\bmelhor\s+sem\s+mim\b",
        r"\bacabar\s+(?:de\s+vez\s+)?com\s+(?:tudo|a\s+minha\s+vida|minha\s+vida)\b",
        r"\btirar\s+(?:a\s+)?(?:minha\s+)?(?:propria\s+)?vida\b",
        # Urdu (Arabic script) and romanised Urdu / Panjabi
        r"مرنا\s+چاہ(?:تا|تی|تے)",
        r"مر\s+جانا\s+چاہ(?:تا|تی|تے)",
        r"مر\s+جا(?:ؤں|وں)",
        r"مرنے\s+کو\s+(?:دل|جی)\s+(?:کرتا|چاہتا)",
        r"خود\s*کشی",
        r"(?:اپنے\s+آپ|خود)\s+کو\s+(?:مار|ختم)",
        r"(?:جینا|زندہ\s+رہنا)\s+نہیں\s+چاہ",
        r"کوئی\s+(?:مجھے\s+)?(?:یاد|مس)\s+نہیں\s+کرے",
        r"میرے\s+بغیر\s+(?:سب|سب\s+لوگ)\s+(?:بہتر|خوش)",
        r"زندگی\s+ختم\s+کر",
        r"\b(?:marna|mrna|marne|mar\s+jana|mar\s+jaana|mar\s+jaun|mar\s+jaon|mar\s+jau|mar\s+jawan)\s+(?:hi\s+)?(?:chah|chaah|cha|chau|chah)\w*",
        r"\bmar\s+ja(?:un|on|oon|aun|wan)\b",
        r"\b(?:marne|marn)\s+(?:ko|ka|nu|nuu)\s+(?:dil|mann?|jee|ji)\s+(?:karta|krta|kar|karda|krda|chahta)\w*",
        r"\bkhud\s*(?:kushi|khushi|kashi|kushee|kshi)\b",
        r"\b(?:apne\s+aap|apne\s+ap|khud|aapne\s+aap)\s+(?:ko|nu|nuu)\s+(?:maar|mar|khatam|khtm)\b",
        r"\b(?:jeena|jina|jeena|zinda\s+rehna|jeon|jeena\s+hi)\s+(?:nahi|nahin|nai|ni|nhi)\s+(?:chah|chaah|cha|chau)\w*",
        r"\bkoi\s+(?:mujhe\s+|menu\s+|mainu\s+)?(?:miss|yaad|yad)\s+(?:nahi|nahin|nai|ni|nhi)\s+(?:kare|karega|karegi|karay|karu|karuga|krega)\b",
        r"\bzindagi\s+(?:khatam|khtm)\s+(?:kar|kr)\w*",
        r"\b(?:mere|mery)\s+(?:baghair|bagair|bina|bghair)\s+(?:sab|sb)\s+(?:behtar|khush)",
        # Bengali (and romanised)
        r"মর(?:তে|ে\s+যেতে)\s+চাই",
        r"মর(?:তে|ে\s+যেতে)\s+(?:ইচ্ছে|ইচ্ছা)\s+কর",
        r"\b(?:morte|more\s+jete)\s+(?:icche|iccha|ichchha)\s+kor\w*",
        r"আত্মহত্যা",
        r"নিজেকে\s+(?:মেরে\s+ফেল|শেষ\s+করে|খুন)",
        r"(?:বাঁচতে|বেঁচে\s+থাকতে)\s+(?:আর\s+)?চাই\s+না",
        r"কেউ\s+(?:আমাকে\s+)?(?:মিস|মনে)\s+করবে\s+না",
        r"আমাকে\s+ছাড়া\s+(?:সবাই|সবার)\s+(?:ভালো|ভাল)",
        r"জীবন\s+শেষ\s+কর",
        r"\b(?:morte|more\s+jete)\s+chai\b",
        r"\b(?:atto?\s*hott?a|atmo\s*hott?a)\b",
        r"\bnijeke\s+(?:mere\s+fel|shesh\s+kor)\w*",
        r"\b(?:bachte|beche\s+thakte)\s+chai\s+na\b",
        # Panjabi (Gurmukhi)
        r"ਮਰਨਾ\s+ਚਾਹੁੰਦ",
        r"ਮਰ\s+ਜਾਣਾ\s+ਚਾਹੁੰਦ",
        r"ਮਰਨ\s+ਨੂੰ\s+(?:ਦਿਲ|ਜੀ)\s+ਕਰਦ",
        r"ਖ਼ੁਦਕੁਸ਼ੀ|ਖੁਦਕਸ਼ੀ|ਆਤਮ\s*ਹੱਤਿਆ",
        r"ਆਪਣੇ\s+ਆਪ\s+ਨੂੰ\s+(?:ਮਾਰ|ਖ਼ਤਮ|ਖਤਮ)",
        r"(?:ਜੀਣਾ|ਜਿਉਣਾ|ਜੀਉਣਾ|ਜਿਊਣਾ)\s+ਨਹੀਂ\s+ਚਾਹੁੰਦ",
        r"ਕੋਈ\s+(?:ਮੈਨੂੰ\s+)?(?:ਯਾਦ|ਮਿਸ)\s+ਨਹੀਂ\s+ਕਰੇਗਾ",
        r"ਜ਼ਿੰਦਗੀ\s+(?:ਖ਼ਤਮ|ਖਤਮ)",
        r"ਮੇਰੇ\s+ਬਿਨਾਂ\s+ਸਭ",
        # Arabic
        r"(?:اريد|أريد|بدي|ابغى|أبغى|ابي|أبي|عايز|عاوز|نفسي|اتمنى|أتمنى|ودي|بدّي)\s+(?:ان\s+|أن\s+)?(?:اموت|أموت|الموت|موت)",
        r"قتل\s+نفسي",
        r"انتحر|(?:افكر|أفكر|بفكر|فكرت|اريد|أريد|بدي|حاولت|محاولة)\s+(?:في\s+|ب)?(?:ال)?انتحار",
        r"(?:لا|ما|مش|مو)\s+(?:اريد|أريد|بدي|عايز|ابغى|ابي|بدّي)\s+(?:ان\s+|أن\s+)?(?:اعيش|أعيش|عيش|الحياة|الحياه)",
        r"(?:لن|ما|محد|محدش|ماحد|لا\s+احد|لا\s+أحد|ولا\s+حد)\s+(?:\S+\s+){0,2}?(?:يفتقدني|سيفتقدني|يشتاقلي|يشتاق\s+لي|حيفتقدني|رح\s+يشتاقلي)",
        r"(?:الكل|الجميع|العالم|اهلي|أهلي|عائلتي)\s+(?:\S+\s+)?(?:افضل|أفضل|احسن|أحسن)\s+(?:بدوني|من\s+غيري|بلاي)",
        r"(?:انهي|أنهي|انهاء|إنهاء)\s+حياتي",
        # "to disappear forever"
        r"(?:اختفي|أختفي|اختفيت|اختفى|اختفاء|اختفائي)\s+(?:للابد|للأبد|الى\s+الابد|إلى\s+الأبد)",
    ],
    "self_harm": [
        r"\bself[\s\-]*harm(?:ing|ed)?\b",
        # "started cutting again": cutting with no object is self-harm talk, "cutting
        # costs/back/the hedges" is not.
        r"\b(?:started|start|been|keep|kept|back\s+to|urges?\s+to|stopped|stop|relapsed\s+into|relapsed\s+and\s+started|i'?m|i\s+am|was|still)\s+cutting\b(?=\s*(?:again|[.!?,;]|$|\s+(?:and|but|so|since|every|when|because|cos|myself)\b))",
        r"\bcutting\s+again\b",
        rf"(?<!accidentally\s)(?<!nearly\s)(?<!almost\s)\b(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|burn|burns|burnt|burned|burning|punish|punishing|starve|starving|starved|scratch|scratching|scratched|hit|hitting)\s+(?:my\s*self|meself)\b{_ACCIDENT}",
        rf"(?<!accidentally\s)\b(?:cut|cuts|cutting|slash|slashing|slit|slitting|scratch|scratching|burn|burning)\s+(?:my|me)\s+(?:wrists?|arms?|legs?|thighs?|skin|stomach|hips?)\b{_ACCIDENT}",
        # Someone else's: "my friend keeps scratching her wrists" (wrists: never an everyday cut).
        rf"\b(?:cut|cuts|cutting|slash|slashes|slashing|slit|slits|slitting|scratch|scratches|"
        rf"scratching|burn|burns|burning)\s+(?:her|his|their)\s+(?:own\s+)?wrists?\b{_MISHAP}",
        rf"\b(?:keeps?|kept|started|been|always)\s+(?:cutting|scratching|burning)\s+"
        rf"(?:herself|himself|themselves|(?:her|his|their)\s+(?:arms?|legs?|thighs?|wrists?))\b"
        rf"{_ACCIDENT}",
        # The marks hidden: "hides it under hair bands", "covers her arms with plasters".
        r"\b(?:hides?|hiding|hid|covers?|covering|covered)\s+(?:it|them|the\s+(?:cuts|marks|scars)|"
        r"(?:her|his|their|my)\s+(?:arms|wrists|cuts|marks|scars))\s+(?:under|with|behind)\s+"
        r"(?:\w+\s+){0,2}?(?:sleeves|bracelets|bands|hair\s*bands|wristbands|plasters|bandages|"
        r"hoodies?|jumpers?)\b",
        r"\bmake\s+my\s*self\s+(?:bleed|throw\s+up)\b",
        r"\b(?:hide|hiding|cover|covering)\s+(?:my|the)\s+(?:cuts|scars|marks)\b",
        # Hiding the arms: what is on them is the worry ("so no one sees my arms").
        r"\b(?:hide|hiding|hid)\s+my\s+(?:arms|wrists|legs|thighs)\b",
        r"\bno\s*(?:one|body)\s+(?:can\s+|could\s+|will\s+|gets\s+to\s+)?(?:see|sees|seeing|notice|"
        r"notices)\s+my\s+(?:arms|wrists|thighs)\b",
        r"\blong\s+sleeves\s+(?:\w+\s+){0,2}(?:in|during|when)\s+(?:the\s+|a\s+)?(?:summer|heat|"
        r"heatwave|hot\s+weather)\b(?!\s+(?:because|cos|for)\s+(?:of\s+)?(?:my\s+)?(?:faith|religion|"
        r"modesty|hijab|eczema|sunburn|skin\s+condition))",
        r"\b(?:razor|blade)s?\b.{0,40}\b(?:on\s+my\s+(?:arms?|wrists?|legs?|skin)|myself)\b",
        # Polish
        r"\b(?:tne|cielam|cialem|ciac|pocielam|pocialem|tniesz|tne\s+sobie)\s+(?:sie|reke|rece|nadgarstki)\b",
        r"\bsie\s+(?:tne|ciac|tniesz|pocielam|pocialem)\b",
        r"\bsamookalecz\w*",
        r"\bokalecz(?:am|ylem|ylam|ac)\s+sie\b",
        r"\b(?:robie|zrobie|zrobic|zrobilam|zrobilem)\s+sobie\s+krzywde\b",
        r"\b(?:kalecze|przypalam|przypalilem|przypalilam)\s+sie\b",
        # Romanian
        r"\bma\s+tai\s+(?:pe|la)\s+(?:maini|brate|mana|incheieturi|picioare)\b",
        r"\bma\s+tai\s+(?:singur|singura|intentionat|iar|din\s+nou|cu\s+lama|cu\s+cutitul)\b",
        r"\b(?:imi\s+fac|sa-?mi\s+fac|mi-?am\s+facut)\s+rau\s+(?:singur|singura|intentionat|mie|cu)",
        r"\bautomutil\w*",
        r"\bma\s+(?:ranesc|ard|zgarii|lovesc)\s+(?:singur|singura|intentionat|pana)\b",
        r"\bm-?am\s+taiat\s+(?:intentionat|singur|singura|iar|pe\s+(?:maini|brate|incheieturi))\b",
        # Portuguese
        rf"\b(?:me\s+corto|me\s+cortar|corto-me|cortar-me|me\s+cortei|cortei-me|me\s+corte)\b{_ACCIDENT}",
        r"\bauto-?mutil\w*|\bauto\s*lesao\b",
        r"\b(?:me\s+machuco|machucar-me|me\s+machucar|me\s+ferir|ferir-me|me\s+magoo|magoar-me|me\s+magoar|me\s+queimo|queimar-me)\b(?!\s+(?:no|na|num|numa|a\s+jogar|sem\s+querer))",
        # Urdu and romanised
        r"(?:اپنے\s+آپ|خود)\s+کو\s+(?:کاٹ|نقصان|تکلیف|زخمی|جلا)",
        r"\b(?:apne\s+aap|apne\s+ap|khud)\s+(?:ko|nu)\s+(?:kaat|kat|katt|nuqsan|nuksan|nuqsaan|hurt|zakhmi|jala|takleef|cut)\w*",
        # Bengali
        r"নিজেকে\s+(?:কাট|আঘাত|কষ্ট\s+দি|পোড়া|ক্ষত)",
        r"নিজের\s+(?:হাত|শরীর)\s+কাট",
        r"নিজের\s+ক্ষতি\s+কর",
        r"\bnijeke\s+(?:kati|katchi|kete|aghat|kosto)\w*",
        # Panjabi
        r"ਆਪਣੇ\s+ਆਪ\s+ਨੂੰ\s+(?:ਕੱਟ|ਨੁਕਸਾਨ|ਦੁੱਖ|ਸੱਟ|ਜ਼ਖਮੀ|ਸਾੜ)",
        # Arabic
        r"(?:اجرح|أجرح|بجرح|جرحت|اذي|أذي|أؤذي|اؤذي|أذيت|اذيت|بأذي|باذي|اقطع|أقطع|احرق|أحرق|بحرق)\s+نفسي",
        r"(?:ايذاء|إيذاء|اذية|أذية|اذيه)\s+(?:النفس|نفسي)",
        # "I burn my hand with the lighter": the present, what one does; "جرحت يدي" (I cut my
        # hand) is as often an accident as "I cut my hand" is.
        r"(?:اجرح|أجرح|احرق|أحرق|اقطع|أقطع|بحرق|بجرح)\s+(?:يدي|يدى|ايدي|إيدي|ذراعي|"
        r"جلدي|معصمي|رسغي|رجلي|جسمي)",
    ],
    "abuse_disclosure": [
        rf"\b(?:my\s+)?{_SUBJ}\b{_BETWEEN}\s+(?:hits?|hitting|beats?|beating|beat|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slaps?|slapped|slapping|hurts?|hurting|hurt|touch(?:es|ed|ing)?|chok(?:e|es|ed|ing)|strangl(?:e|es|ed|ing)|burn(?:s|ed|t)?|grab(?:s|bed|bing)?|abus(?:e|es|ed|ing)|rap(?:e|es|ed|ing)|molest(?:s|ed|ing)?|threaten(?:s|ed|ing)?|starv(?:e|es|ed|ing)|lock(?:s|ed)?|throws?\s+(?:things|stuff)\s+at)\s+me\b(?!\s+at\s+(?!home)|\s+in\s+(?:a|the)\s+(?:game|race|match|fifa|final))",
        r"\btouch(?:es|ed|ing)?\s+me\s+(?:down\s+there|inappropriately|where|in\s+(?:places|private)|at\s+night|when\s+(?:no\s*one|nobody|mum|mom|dad)|and\s+i\s+don'?t)",
        r"\b(?:i'?m|i\s+am|i\s+was|i'?ve\s+been|i\s+have\s+been|i\s+get|i\s+got|i\s+keep\s+getting|getting|being)\s+(?:being\s+|getting\s+|sexually\s+)?(?:abused|molested|raped|groomed|assaulted|beaten(?:\s+up)?|touched\s+(?:inappropriately|down\s+there)|hit\s+(?:at\s+home|by\s+my|by\s+(?:him|her|them|dad|mum|mom))|hurt\s+(?:at\s+home|by\s+my|by\s+(?:him|her|them)))",
        r"\b(?:don'?t|do\s+not|dont|never|doesn'?t)\s+feel\s+safe\s+(?:at\s+home|in\s+my\s+(?:own\s+)?(?:home|house|room)|around\s+(?:him|her|my))",
        r"\bnot\s+safe\s+at\s+home\b",
        r"\b(?:scared|afraid|frightened|terrified|fear)\s+(?:to\s+go|of\s+going|to\s+be|of\s+being)\s+(?:back\s+)?(?:home|at\s+home|alone\s+with\s+(?:him|her|my))",
        r"\b(?:scared|afraid|frightened|terrified)\s+of\s+(?:my\s+)?(?:dad|mum|mom|step\s*dad|step\s*mum|stepdad|stepmum|father|mother|uncle|brother|parents)\b",
        r"\b(?:told|tells|makes|made|forced|forces|forcing)\s+me\s+(?:not\s+to\s+tell|to\s+keep\s+(?:it\s+)?(?:a\s+)?secret|to\s+keep\s+(?:quiet|secrets)|(?:to\s+)?do\s+(?:things|stuff)|(?:to\s+)?send\s+(?:pics|photos|pictures|nudes|videos))",
        r"\b(?:asked|asks|asking|keeps\s+asking|wants|wanted|begging)\s+(?:me\s+)?(?:for\s+|to\s+send\s+(?:him\s+|her\s+)?)(?:nudes|naked\s+(?:pics|photos|pictures)|pics\s+of\s+me|photos\s+of\s+me)",
        r"\b(?:kick(?:s|ed)?|throw(?:s|n)?|threw|chuck(?:ed|s)?)\s+me\s+out\s+(?:of\s+(?:the\s+)?(?:house|home)|again|at\s+night)",
        r"\b(?:no|never\s+any|isn'?t\s+any)\s+food\s+(?:at|in\s+the)\s+(?:home|house)\b",
        r"\b(?:don'?t|doesn'?t|never)\s+(?:feed|fed)\s+me\b",
        r"\b(?:lock(?:s|ed)?|locking)\s+me\s+(?:in|out)\b",
        r"\bthreaten(?:s|ed|ing)?\s+to\s+(?:hurt|kill|hit|beat|stab|kick)\s+me\b",
        r"\b(?:older|grown|adult)\s+(?:man|men|guy|guys|boy|boys|lad|lads|bloke)\b(?:\s+\S+){0,5}?\s+(?:keeps?\s+|kept\s+|has\s+been\s+|have\s+been\s+)?(?:messag|send|sent|text|follow|pick|touch|grab|ask|wait)\w*\s+(?:for\s+)?me\b",
        r"\b(?:asked|asks|asking|keeps\s+asking|wants|wanted|begging)\s+(?:me\s+)?for\s+(?:pics|selfies)\b(?!\s+of\s+(?:the|a|it|your))",
        # Bruises seen on someone, explained away ("she says she fell").
        r"\b(?:bruis(?:es|ed|ing)|black\s+eyes?|burn\s+marks|marks)\b[^.!?]{0,80}?[.!?,]?\s*"
        r"[^.!?]{0,40}?\b(?:says?|said|told\s+(?:me|us|everyone)|tells\s+(?:me|us|everyone)|claims?|"
        r"claimed|swears?)\s+(?:that\s+)?(?:she|he|they|it\s+was)\s+(?:just\s+)?(?:fell|fall|"
        r"tripped|walked\s+into|bumped|an\s+accident|(?:from|at|in)\s+(?:football|netball|pe|"
        r"training))\b",
        r"\b(?:bruises|black\s+eyes?|burn\s+marks)\s+(?:all\s+)?(?:over|on|up)\s+(?:her|his|their|"
        r"my\s+(?:mate|friend|sister|brother|cousin|classmate)s?'?s?)\s+(?:back|arms?|legs?|face|"
        r"neck|body|stomach)\b(?![^.!?]{0,40}\b(?:from|after|playing)\s+(?:the\s+|a\s+)?"
        r"(?:football|netball|rugby|hockey|training|pe|match|game|astro|pitch|gym|sports?|falling|"
        r"fall|skating|skateboarding|bike|trampoline)\b)",
        # Forced marriage: a wedding arranged for a child, or anyone made to marry.
        r"\b(?:forc(?:e|es|ed|ing)|mak(?:e|es|ing)|made|pressur(?:e|es|ed|ing))\s+me\s+(?:to\s+|into\s+)?"
        r"(?:marry|get\s+married|a\s+marriage|marriage)\b",
        r"\b(?:married\s+off|marry(?:ing)?\s+me\s+off)\b",
        r"\b(?:i'?m|im|i\s+am)\s+(?:being\s+)?forced\s+(?:to\s+|into\s+)(?:marry|get\s+married|"
        r"(?:a\s+)?marriage)\b",
        r"\b(?:my\s+(?:own\s+)?(?:wedding|marriage|nikah)|marry\s+me\s+to|get\s+me\s+married)\b"
        r"[^!?]{0,80}?\b(?:i'?m|im|i\s+am)\s+(?:only\s+|just\s+)?1[0-7]\b",
        r"\b(?:i'?m|im|i\s+am)\s+(?:only\s+|just\s+)?1[0-7]\b[^!?]{0,80}?\b(?:my\s+(?:own\s+)?"
        r"(?:wedding|marriage|nikah)|marry\s+me\s+to|get\s+me\s+married)\b",
        r"\bzmusz\w*\s+mnie\s+do\s+(?:slubu|malzenstwa|wyjscia\s+za\s+maz|ozenku)\b",
        r"\bma\s+(?:obliga|forteaza|silesc|sileste)\s+sa\s+ma\s+(?:marit|casatoresc|insor)\b",
        r"\bcasatori\w*\s+(?:cu\s+)?(?:forta|fortat\w*)\b",
        r"\b(?:me\s+)?(?:obrig|forc)\w*(?:-me)?\s+a\s+casar\b",
        r"\bcasamento\s+forcado\b",
        r"\bzabardast[iy]\s+(?:ki\s+)?(?:shaadi|shadi|nikah|viah|biye|biya)\b",
        r"زبردستی\s+(?:کی\s+)?(?:شادی|نکاح)",
        r"জোর\s+করে\s+(?:আমার\s+)?বিয়ে",
        r"ਜ਼?ਬਰਦਸਤੀ\s+(?:ਮੇਰਾ\s+)?ਵਿਆਹ",
        r"(?:يجبرونني|يجبروني|اجبروني|أجبروني|يغصبوني|غصبوني)\s+(?:على\s+)?(?:الزواج|الجواز|اتزوج|أتزوج)",
        r"زواج\s+(?:قسري|بالاكراه|بالإكراه)",
        r"(?:بدهم|يريدون|عايزين|يبغون)\s+(?:يزوجوني|يجوزوني)",
        # Polish
        r"\bmnie\s+(?:\w+\s+)?(?:bije|bil|bila|bija|bili|kopie|kopal|dotyka|dotykal|dotykala|dotykaja|krzywdzi|skrzywdzil|szarpie|uderza|uderzyl|uderzyla|molestuje|molestowal|gwalci|zgwalcil|maltretuje|leje|tlucze|katuje|zamyka)\b",
        r"\b(?:bije|bil|bila|bija|kopie|dotyka|dotykal|krzywdzi|uderza|uderzyl|molestuje|leje|tlucze)\s+mnie\b",
        r"\b(?:boje\s+sie|strach|boimy\s+sie)\s+(?:\w+\s+)?(?:wracac|wrocic|isc)\s+do\s+domu\b",
        r"\bnie\s+czuje\s+sie\s+(?:bezpiecznie|bezpieczny|bezpieczna)\s+w\s+domu\b",
        # Romanian
        r"\bma\s+(?:bate|bat|loveste|lovesc|atinge|ating|pipaie|abuzeaza|violeaza|agreseaza|inchide)\b(?!\s+(?:la\s+(?:fotbal|joc|sah)|soarele))",
        r"\bm-?a(?:u)?\s+(?:batut|lovit|atins|violat|abuzat|agresat|pipait)\b",
        r"\b(?:mi-?e|imi\s+e|mi\s+e)\s+frica\s+(?:sa\s+(?:merg|ma\s+intorc|vin)\s+acasa|de\s+(?:tata|mama|tatal\s+meu|mama\s+mea|el|ea|fratele|unchiul|tatal\s+vitreg))",
        r"\bnu\s+ma\s+simt\s+in\s+siguranta\s+acasa\b",
        r"\bacasa\s+nu\s+(?:sunt|ma\s+simt)\s+in\s+siguranta\b",
        # Portuguese
        r"\b(?:me|nos)\s+(?:bate|batem|bateu|espanca|espancam|espancou|agride|agridem|agrediu|violou|abusa|abusou|ameaca|ameacam|tranca|queima)\b",
        r"\b(?:bate|batem|bateu|espanca|agride|agrediu)-me\b",
        r"\b(?:bate|batem|bateu)\s+em\s+mim\b",
        r"\b(?:abusa|abusou|abusam)\s+de\s+mim\b",
        r"\b(?:ele|ela|pai|padrasto|tio|primo|irmao|treinador|professor|homem)\s+(?:\w+\s+)?(?:me\s+toca|toca-me|me\s+tocou|tocou-me|me\s+apalpa|apalpa-me)\b",
        r"\btenho\s+medo\s+de\s+(?:ir|voltar)\s+(?:para|pra)\s+casa\b",
        r"\btenho\s+medo\s+do\s+(?:meu\s+)?(?:pai|padrasto|tio|irmao)\b",
        r"\bnao\s+me\s+sinto\s+segur[oa]\s+em\s+casa\b",
        r"\bem\s+casa\s+nao\s+(?:estou|me\s+sinto)\s+segur[oa]\b",
        # Urdu and romanised
        r"مجھے\s+(?:\S+\s+){0,3}?(?:مارت|پیٹت|چھوت|چھیڑت|غلط\s+طریقے\s+سے\s+چھو)",
        r"گھر\s+(?:میں|پر|پہ)\s+(?:محفوظ|سیف)\s+نہیں",
        r"گھر\s+جانے\s+سے\s+ڈر",
        r"\bmujhe\s+(?:\w+\s+){0,3}?(?:maar|mar|peet|pit|chhoo|choo|chhu|chu|chhed|ched)(?:ta|ti|te|tay|tey|ty)\b",
        r"\bghar\s+(?:me|mein|main|mai|pe|par|pr)\s+(?:safe|mehfooz|mahfooz)\s+(?:nahi|nahin|nai|ni|nhi)\b",
        r"\bghar\s+(?:jane|jaane)\s+(?:se|sy)\s+(?:dar|darr|dr)\w*",
        # Bengali
        r"আমাকে\s+(?:\S+\s+){0,3}?(?:মারে|মারেন|মারধর|মারত|মারব|পেটায়|পেটান|ছোঁয়|গায়ে\s+হাত\s+দেয়)",
        r"বাড়িতে\s+(?:নিরাপদ|নিরাপদে)\s+(?:না|নই|নেই|বোধ\s+করি\s+না)",
        r"বাড়ি\s+(?:যেতে|ফিরতে)\s+ভয়",
        r"\bamake\s+(?:\w+\s+)?(?:mare|maren|marodhor|petay|chhoy|choy)\b",
        # Panjabi
        r"ਮੈਨੂੰ\s+(?:\S+\s+){0,3}?(?:ਮਾਰਦ|ਕੁੱਟਦ|ਛੂਹਦ|ਛੂੰਹਦ|ਛੇੜਦ|ਗਲਤ\s+ਤਰੀਕੇ)",
        r"ਘਰ\s+(?:ਵਿੱਚ|ਵਿਚ|ਚ)\s+(?:ਸੁਰੱਖਿਅਤ|ਸੇਫ)\s+ਨਹੀਂ",
        r"ਘਰ\s+ਜਾਣ\s+ਤੋਂ\s+ਡਰ",
        r"\b(?:mainu|menu|mennu|mainoo)\s+(?:\w+\s+){0,3}?(?:maar|mar|kut|chhu|chu)(?:de|da|di)\b",
        # Arabic
        r"ضربني|ضربوني|يضربوني|بيضربوني",
        r"يلمسني|يتحرش\s+بي|تحرش\s+بي|يعنفني|يعتدي\s+علي|اعتدى\s+علي",
        r"(?:لا\s+اشعر|لا\s+أشعر|ما\s+احس|ما\s+أحس|مش\s+حاسس|ما\s+حس)\s+بالامان\s+(?:في|ب)\s*(?:البيت|المنزل|الدار)",
        r"(?:اخاف|أخاف|خايف|خائف|خايفة|خائفة)\s+(?:من\s+)?(?:ان\s+|أن\s+)?(?:ارجع|أرجع|العودة|الرجوع|اروح|أروح)\s+(?:ل|الى|إلى|على)?\s*(?:البيت|المنزل|الدار)",
    ],
    "bullying": [
        r"\bbull(?:y|ies|ied|ying)\s+(?:me|us)\b",
        r"\b(?:i'?m|i\s+am|i\s+get|i\s+got|i'?ve\s+been|i\s+have\s+been|i\s+was|being|getting|been|keep\s+getting)\s+(?:being\s+|getting\s+|really\s+|badly\s+|constantly\s+|so\s+)?bullied\b",
        r"\b(?:pick(?:s|ed|ing)?\s+on|laugh(?:s|ed|ing)?\s+at|mak(?:e|es|ing)\s+fun\s+of|made\s+fun\s+of|gang(?:s|ed|ing)?\s+up\s+on|spit(?:s|ting)?\s+(?:on|at)|threaten(?:s|ed|ing)?|exclud(?:e|es|ed|ing)|jump(?:ed)?|mock(?:s|ed|ing)?|teas(?:e|es|ed|ing)|harass(?:es|ed|ing)?|beat(?:s)?|beating|trip(?:s|ped)?|corner(?:s|ed)?|film(?:s|ed)?)\s+me(?:\s+up)?\b(?!\s+at\s+(?!school|the\s+bus|the\s+park))",
        r"\bcall(?:s|ed|ing)?\s+me\s+(?:names|fat|ugly|gay|horrible\s+\w+|a\s+(?:freak|loser|slag|slut|terrorist|paki|weirdo))\b",
        r"\b(?:they|people|kids|everyone|everybody|boys|girls|lads|others)\s+(?:\w+\s+){0,2}call(?:s|ed|ing)?\s+me\b(?!\s+(?:back|on|at|when|if|to|about|later|tomorrow|tonight))",
        r"\b(?:everyone|everybody|people|they|kids|the\s+(?:other\s+)?(?:kids|boys|girls))\b[^.!?]{0,30}\bhates?\s+me\b",
        r"\bcyber\s*-?\s*bull\w*",
        r"\b(?:posted|posting|posts|shared|sharing|shares|spread(?:ing|s)?)\s+(?:rumou?rs|lies|pics|photos|pictures|videos|stuff|things)\s+(?:about|of)\s+me\b",
        r"\b(?:nobody|no\s+one|noone)\s+(?:sits|talks|plays|speaks|hangs\s+out)\s+(?:with|to)\s+me\b",
        r"\b(?:they|kids|boys|girls|lads|older\s+\w+|gang|people|someone)\s+(?:\w+\s+)?(?:take|took|taking|steal|stole|stealing|nick|nicked)\s+my\s+(?:phone|lunch|lunch\s+money|bag|stuff|things|money|bike)\b",
        # Polish
        r"\b(?:drecz|przesladuj|wysmiewaj|dokuczaj|gnebi|nekaj|hejtuj|obrazaj|zaczepiaj|bij|wyzywaj)\w*\s+(?:mnie|mi)\b",
        r"\b(?:mnie|mi)\s+(?:\w+\s+)?(?:drecz|przesladuj|dokuczaj|gnebi|nekaj|hejtuj|wyzywaj)\w*",
        r"\b(?:jestem|bylem|bylam|jest|byl|byla|sa|jestesmy)\s+(?:\w+\s+)?(?:gnebion|przesladowan|dreczon|wysmiewan|nekan|zastraszan|hejtowan|bit|bity|bita)\w*",
        r"\bzneca\w*\s+sie\s+nade\s+mna\b",
        r"\bsmieja\s+sie\s+ze\s+mnie\b",
        # Romanian
        r"\b(?:rad|isi\s+bat\s+joc|se\s+iau|se\s+leaga)\s+de\s+mine\b",
        r"\bma\s+(?:hartuiesc|hartuieste|tachineaza|jignesc|jigneste|umilesc|umileste|ameninta|batjocoresc|bruscheaza)\b",
        r"\b(?:sunt|am\s+fost|e|este|a\s+fost|au\s+fost)\s+(?:\w+\s+)?(?:agresat|agresata|agresati|hartuit|hartuita|hartuiti|batjocorit|batjocorita|umilit|umilita|batut|batuta|bullied)\b",
        r"\b(?:imi|mi|mi-?au)\s+(?:fac|face|se\s+face|au\s+facut|facut)\s+bullying\b",
        r"\bbullying\s+(?:la\s+scoala|pe\s+mine)\b",
        r"\bma\s+bat\s+(?:colegii|copiii|baietii|fetele)\b",
        # Portuguese
        r"\b(?:fazem|faz|sofro|sofri|sofrendo|sofrer|sofre|sofrem|sofreu)\s+bullying\b",
        r"\bbullying\s+comigo\b",
        r"\b(?:gozam|riem|zombam|fazem\s+troca|tiram\s+sarro|fazem\s+pouco)\s+(?:de\s+mim|comigo|da\s+minha\s+cara)\b",
        r"\b(?:me|nos)\s+(?:humilham|humilha|insultam|chamam\s+(?:de\s+)?nomes|excluem|perseguem|ameacam|empurram|gozam)\b",
        r"\b(?:humilham|insultam|ameacam|perseguem|excluem|gozam)-me\b",
        r"\b(?:sou|e|esta\s+a\s+ser|esta\s+sendo|foi|tem\s+sido|anda\s+a\s+ser|somos|sao)\s+(?:\w+\s+)?(?:vitimas?\s+de\s+bullying|gozad[oa]s?|humilhad[oa]s?|perseguid[oa]s?|agredid[oa]s?|ameacad[oa]s?|espancad[oa]s?)\b",
        r"\bchamam-me\s+nomes\b",
        # Urdu and romanised
        r"مجھے\s+(?:\S+\s+){0,3}?(?:تنگ\s+کرت|بلی\s+کرت|ہراساں\s+کرت|دھمکی|دھمکیاں)",
        r"میرا\s+(?:\S+\s+)?مذاق\s+(?:اڑات|بنات)",
        r"مجھ\s+پر\s+ہنست",
        r"\bmujhe\s+(?:\w+\s+)?(?:tang|tung|bully|harass|pareshan)\s+(?:kart|krt|karr|kiya|kia)\w*",
        r"\bmera\s+(?:\w+\s+)?(?:mazaq|mazak|mazaak|mzaq|majak)\s+(?:urat|udat|uraat|udaat|bana|udaun|udaund)\w*",
        r"\bmujh\s+(?:par|pe|pr)\s+hans(?:t|te)\w*",
        # Bengali
        r"আমাকে\s+(?:\S+\s+){0,3}?(?:বুলি|উত্যক্ত|জ্বালা|খেপা|হয়রানি|অপমান)",
        r"আমাকে\s+নিয়ে\s+(?:হাসাহাসি|হাসে|ঠাট্টা|মজা)",
        r"আমার\s+সাথে\s+(?:খারাপ\s+ব্যবহার|বুলি)",
        r"\bamake\s+(?:bully|tease|jalay|khepay)\w*",
        # Panjabi
        r"ਮੈਨੂੰ\s+(?:\S+\s+){0,3}?(?:ਤੰਗ\s+ਕਰਦ|ਬੁਲੀ\s+ਕਰਦ|ਪਰੇਸ਼ਾਨ\s+ਕਰਦ|ਧਮਕ)",
        r"ਮੇਰਾ\s+(?:\S+\s+)?ਮਜ਼ਾਕ\s+ਉਡਾ",
        r"ਮੇਰੇ\s+(?:ਤੇ|ਉੱਤੇ)\s+ਹੱਸਦ",
        r"\b(?:mainu|menu)\s+(?:\w+\s+)?(?:tang|bully)\s+(?:karde|krde|kar)\w*",
        # Arabic
        r"(?:يتنمر\w*|بيتنمر\w*|تنمروا|يتنمرو\w*)\s+(?:علي|عليا|عليّ)",
        r"(?:اتعرض|أتعرض|تعرضت)\s+(?:لل|ل)?تنمر",
        r"(?:يسخرون|يضحكون|بيضحكوا|يستهزئون|يستهزؤون|بيتريقوا)\s+(?:مني|علي|عليا|بي)",
        r"يشتمونني|يهددونني|يهددني|يضايقونني|يضايقني|بيضايقوني",
    ],
    "running_away": [
        r"\brun(?:ning)?\s+away\s+from\s+(?:home|my\s+(?:home|house|family|parents|mum|mom|dad|carers?|foster\s+\w+))\b",
        r"\bran\s+away\s+from\s+(?:home|my\s+(?:home|house|family|parents|mum|mom|dad|carers?|foster\s+\w+))\b",
        rf"{_LEAD}{_AUX}\s+(?:run(?:ning)?\s+away|ran\s+away|runaway|go\s+missing|went\s+missing)\b{_HOLIDAY}(?!\s+from\s+(?!home\b|my\s+(?:home|house|family|parents|mum|mom|dad|carers?|foster)\b))",
        rf"\b(?:thinking\s+(?:of|about)|plan(?:ning)?\s+(?:on|to)|want\s+to|wanna|gonna|going\s+to)\s+(?:just\s+)?(?:run(?:ning)?\s+away|runaway)\b{_HOLIDAY}(?!\s+from\s+(?!home\b|my\s+(?:home|house|family|parents|mum|mom|dad)\b))",
        r"\b(?:leave|leaving|left)\s+home\s+(?:and\s+(?:never|not)|for\s+good|forever|tonight|because|cos|coz|cause|'?cause|and\s+live\s+on)",
        r"\bnever\s+(?:going|coming)\s+(?:back\s+)?home\b",
        r"\bnot\s+(?:going|coming)\s+(?:back\s+)?home\s+(?:tonight|again|ever)\b",
        r"\b(?:i'?m|i\s+am|i'?ll|i\s+will|im)\s+(?:never|not)\s+(?:going|coming|gonna\s+go|gonna\s+come)\s+(?:back\s+)?home\b"
        r"(?!\s+(?:until|till|til|yet|before|after|early|straight|first|for\s+(?:a|an|lunch|tea|dinner)))",
        rf"{_LEAD}{_AUX}\s+(?:sleep(?:ing)?|slept)\s+(?:rough|on\s+the\s+streets?|in\s+the\s+park|outside|on\s+a\s+bench|in\s+a\s+(?:bus\s+)?shelter)\b",
        r"\b(?:nowhere|no\s+where|no\s+place|nowhere\s+safe)\s+to\s+(?:sleep|stay|go)\s+tonight\b",
        # Nowhere to stay, said of oneself (not "there's nowhere to park"), and sofa-surfing.
        r"\b(?:i|we|i'?ve|i\s+have|i'?ve\s+got|i\s+got|i\s+had|we'?ve|we\s+have|we'?ve\s+got|"
        r"we\s+got|we\s+had|i'?m\s+left\s+with|me\s+and\s+my\s+\w+)"
        r"\s+(?:\w+\s+){0,2}?(?:nowhere|no\s*where|no\s+place|no\s+home)\s+(?:safe\s+)?(?:to|i\s+can)\s+"
        r"(?:sleep|stay|live|go\s+(?:home|at\s+night|tonight))\b",
        r"\bsofa[\s-]*surf\w*",
        r"\bnie\s+mam\s+(?:juz\s+)?gdzie\s+(?:spac|mieszkac|sie\s+podziac|nocowac|sie\s+zatrzymac)\b",
        r"\bn(?:-|u\s+)am\s+(?:\w+\s+)?unde\s+(?:sa\s+)?(?:dorm|stau|locuiesc|ma\s+duc\s+la\s+noapte)\b",
        r"\bnao\s+tenho\s+(?:\w+\s+)?(?:onde|sitio\s+para|lugar\s+para|casa\s+para)\s+(?:dormir|ficar|morar)\b",
        r"میرے\s+پاس\s+(?:\S+\s+){0,3}?(?:سونے|رہنے)\s+(?:کی|کو|کے\s+لیے)\s+(?:کوئی\s+)?جگہ\s+نہیں",
        r"\b(?:mere|meray|mery)\s+(?:pas|paas)\s+(?:\w+\s+){0,3}?(?:sone|sonay|rehne|rehnay|rahne)\s+"
        r"(?:ki|ko|ke\s+liye)\s+(?:koi\s+)?jag(?:ah|a|h)\s+(?:nahi|nahin|nai|ni|nhi)\b",
        r"আমার\s+(?:\S+\s+){0,2}?(?:থাকার|ঘুমানোর|ঘুমোনোর|রাতে\s+থাকার)\s+(?:কোন(?:ো)?\s+)?জায়গা\s+নেই",
        r"\bamar\s+(?:\w+\s+){0,2}?(?:thakar|ghumanor)\s+(?:kono\s+)?jayg?a\s+nei\b",
        r"ਮੇਰੇ\s+ਕੋਲ\s+(?:\S+\s+){0,3}?(?:ਸੌਣ|ਰਹਿਣ)\s+(?:ਲਈ|ਨੂੰ|ਦੀ)\s+(?:ਕੋਈ\s+)?(?:ਥਾਂ|ਜਗ੍ਹਾ)\s+ਨਹੀਂ",
        r"\b(?:mere|mera)\s+kol\s+(?:\w+\s+){0,3}?(?:saun|rehan|rehn)\s+(?:layi|lai|nu)\s+(?:koi\s+)?"
        r"(?:thaan|than|jagah|jaga)\s+(?:nahi|nahin|ni)\b",
        r"(?:ما\s+عندي|ما\s+عنديش|ليس\s+لدي|ماعندي|مش\s+لاقي|مالي)\s+(?:اي\s+|أي\s+)?(?:مكان|محل)\s+"
        r"(?:انام|أنام|للنوم|اسكن|أسكن|اقعد|أقعد|ابات|أبات)",
        # Polish
        r"\bucie(?:k|c|kne|kl|kla|klam|klem|kac)\w*\s+z\s+domu\b",
        r"\b(?:chce|zamierzam|musze|planuje|chcialbym|chcialabym)\s+(?:stad\s+)?(?:uciec|zwiac)\b"
        r"(?!\s+(?:nad\s+morze|na\s+wakacje|na\s+plaze|w\s+gory|na\s+weekend))",
        r"\bzwie(?:je|wac|c)\w*\s+z\s+domu\b",
        r"\b(?:odejde|wyprowadze\s+sie)\s+z\s+domu\s+i\s+nie\s+wroce\b",
        r"\bnie\s+wroce\s+(?:juz\s+)?do\s+domu\b",
        # Romanian
        # Not "am fugit de acasa direct la meci": hurried from home to somewhere.
        r"\bfug\w*\s+de\s+acasa\b(?!\s+(?:direct|drept|glont|repede|in\s+fuga)\b)",
        r"\b(?:sa|o\s+sa|vreau\s+sa|am\s+sa)\s+fug\b(?!\s+(?:la\s+mare|la\s+munte|in\s+vacanta))",
        r"\bplec\s+de\s+acasa\s+(?:si\s+nu|pentru\s+totdeauna|definitiv)\b",
        r"\bnu\s+(?:ma\s+mai\s+intorc|mai\s+vin|ma\s+mai\s+duc)\s+acasa\b",
        # Portuguese
        r"\bfug(?:ir|i|o|ia)\s+de\s+casa\b",
        r"\b(?:vou|quero|penso\s+em|vou\s+mesmo|devia)\s+fugir\b(?!\s+(?:do|da|dos|das|ao|a)\s+(?!casa))(?!\s+(?:para|pra)\s+(?:a\s+)?(?:praia|ferias))",
        r"\bsair\s+de\s+casa\s+(?:e\s+nunca\s+mais|para\s+sempre|e\s+nao\s+voltar)",
        r"\bnunca\s+mais\s+volto\s+(?:para|pra)\s+casa\b",
        r"\bnao\s+vou\s+voltar\s+(?:para|pra)\s+casa\b",
        # Urdu and romanised
        # Not "گھر سے بھاگ کر سیدھا مسجد" (run from home straight to the mosque): hurrying.
        r"گھر\s+(?:سے\s+)?(?:بھاگ(?!\s*(?:کر|کے)\s+سیدھ)|چھوڑ\s+(?:دوں|دونگا|دوں\s+گا|دوں\s+گی|کر\s+چلا|کر\s+چلی))",
        r"بھاگ\s+جا(?:ؤں|وں|ؤنگا|ونگا|ؤنگی|ونگی)",
        r"\bghar\s+(?:se|sy|say|ton|tu|to)\s+(?:bhaag|bhag|bhaj)\w*",
        r"\bbh?aa?g\s+ja(?:unga|ungi|onga|ongi|oon\s*ga|un\s*ga|un\s*gi|ega|ungaa)\b",
        r"\bghar\s+(?:chhod|chod|chor)\s*(?:dunga|dungi|du\s*ga|doon\s*ga|doon\s*gi)\b",
        # Bengali
        r"(?:বাড়ি|ঘর)\s+(?:থেকে|ছেড়ে)\s+(?:পালি|চলে\s+যাব)",
        r"পালিয়ে\s+(?:যাব|যেতে\s+চাই|যাবো)",
        r"\bpaliye\s+(?:jabo|jaabo|jete\s+chai)\b",
        r"\bbari\s+theke\s+pali\w*",
        # Panjabi
        r"ਘਰੋਂ\s+ਭੱਜ",
        r"ਘਰ\s+(?:ਤੋਂ|ਛੱਡ)\s+(?:ਭੱਜ|ਕੇ\s+ਚਲਾ\s+ਜਾਵਾਂ|ਕੇ\s+ਚਲੀ\s+ਜਾਵਾਂ|ਦੇਵਾਂ)",
        r"ਭੱਜ\s+ਜਾਵਾਂਗ",
        r"\bgharo?n?\s+bhaj\w*",
        # Arabic
        r"(?:اهرب|أهرب|سأهرب|ساهرب|هربت|الهروب|الهرب|بهرب|رح\s+اهرب|هاهرب)\s+(?:من\s+)?(?:البيت|المنزل|الدار|بيتنا|اهلي|أهلي)",
        r"(?:بدي|اريد|أريد|عايز|ابغى|ابي)\s+(?:ان\s+|أن\s+)?(?:اهرب|أهرب)(?!\s+(?:لل|ع)?(?:بحر|شاطئ))",
        r"(?:اترك|أترك|ساترك|سأترك)\s+(?:البيت|المنزل)\s+(?:و|ولن|للابد|للأبد|نهائيا)",
        # Thrown out of home, sleeping out (not "in the garden": a summer night).
        r"(?:طردوني|طردني|طردتني|طردونا|طردنا|رموني|رماني)\s+(?:[^\s]+\s+){0,2}?(?:من|برا|خارج)\s+"
        r"(?:البيت|المنزل|الدار|بيتنا|بيت)",
        r"(?:انام|أنام|نمت|بنام|ننام|نايم|نائم|نائمة|نايمة)\s+(?:في|فى|على|ع|ب)\s*(?:ال)?"
        r"(?:شارع|شوارع|محطة|سيارة|رصيف|باص|باصات)",
    ],
}
