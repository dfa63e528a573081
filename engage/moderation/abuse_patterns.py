"""Abuse without a listed word: insults aimed at a person, threats and hate, by kind.

The word lists (``wordlists/``) catch slurs and strong words; these patterns catch what the
house rules forbid in ordinary words: "you're a pathetic loser", "I'll smash your face in",
"immigrants are all thieves". Each needs a target (you, a group of people) as well as the
word, so the same word about a thing ("this plan is stupid", "the buses are rubbish") or a
figure of speech ("I'd kill for a cinema", "you're dead right") is not flagged.

Patterns run on the normalised text the word lists read (lower case, accents and Arabic
vowel marks dropped, leetspeak read as letters; see ``folding.py``); non-ASCII in a pattern is
folded the same way when compiled, so write each word as it is spelled.
"""

# Words in Bengali and Gurmukhi end in vowel signs that \b does not see; (?<!\S) / (?!\S)
# and the explicit class below stand in for word boundaries there.
_W = r"[\w\u0980-\u09ff\u0a00-\u0a7f]"
_S = rf"(?<!{_W})"
_E = rf"(?!{_W})"

# --- English --------------------------------------------------------------------------------

_YOU = r"(?:you|u|ya|yu|yo)"
_YOU_ARE = r"(?:you'?re|youre|ur|u\s+r|u\s+are|you\s+are|you\s+r)"
_I_WILL = (
    r"(?:i'?ll|i\s+will|i'?m\s+(?:going\s+to|gonna|gna)|imma|ima|im\s+gonna|we'?ll|we\s+will|"
    r"we'?re\s+(?:going\s+to|gonna)|i\s+swear\s+i'?ll|i\s+(?:wanna|want\s+to))"
)
# Nouns that insult whoever they are aimed at.
_INSULT_NOUN = (
    r"idiots?|morons?|losers?|muppets?|clowns?|pigs?|cows?|freaks?|creeps?|perverts?|pervs?|"
    r"tramps?|scum|scumbags?|rats?|snakes?|donkeys?|melts?|weirdos?|dumbass|dumbo|dipshits?|"
    r"imbeciles?|cretins?|halfwits?|numpties|numpty|plonkers?|prats?|pricks?|knobs?|divs?|"
    r"mugs?|wastem[ae]n|neeks?|parasites?|cowards?|liars?|hypocrites?|degenerates?|"
    r"rejects?|failures?|disgrace|embarrassment|nonentity|joke|"
    r"waste\s+of\s+(?:space|air|oxygen|skin)|piece\s+of\s+(?:crap|rubbish|trash|work)|"
    r"airhead|bimbo|slob|lowlife|low\s+life|dimwit|nitwit|twit|git|sad\s+act|saddo|"
    r"brain\s*dead|nutter|psycho|fatso|fat\s+lump|ugly\s+mug|incel"
)
# Nouns that insult even without "you are" in front ("shut up, you idiot").
_INSULT_VOCATIVE = (
    r"idiots?|morons?|losers?|muppets?|clowns?|pigs?|cows?|freaks?|creeps?|perverts?|"
    r"scum|scumbags?|rats?|snakes?|weirdos?|dumbass|dipshits?|imbeciles?|cretins?|"
    r"halfwits?|numpty|plonkers?|prats?|pricks?|knobs?|parasites?|cowards?|liars?|"
    r"degenerates?|rejects?|lowlife|dimwit|nitwit|twit|git|saddo|nutter|psycho|fatso|"
    r"melts?|wastem[ae]n"
)
_INSULT_ADJ = (
    r"stupid|dumb|thick|pathetic|ugly|fat|useless|worthless|disgusting|brainless|braindead|"
    r"retarded|sad|little|absolute|total|complete|proper|utter|dirty|filthy|lying|vile|"
    r"horrible|nasty|spineless|gutless|clueless|ignorant|smelly|stinking|evil|sick|twisted|"
    r"bloody|effing|freaking|frigging|lazy|old|big|fake|two\s+faced|thieving|corrupt"
)

# Adjectives that make "a ... man" an insult whoever says it ("a sad little man"); not "old",
# "little" or "big" alone, which are kind as often as not.
_MEAN_ADJ = (
    r"sad|pathetic|vile|nasty|horrible|disgusting|stupid|ugly|useless|worthless|spineless|"
    r"miserable|bitter|petty|creepy|evil|twisted|sick|revolting|repulsive|odious|obnoxious"
)

# Groups of people that hate speech names.
_GROUP = (
    r"muslims|jews|christians|hindus|sikhs|immigrants|migrants|foreigners|refugees|"
    r"asylum\s+seekers|gays|gay\s+people|lesbians|trans\s+people|transgenders?|"
    r"black\s+people|blacks|white\s+people|asians|pakistanis|indians|bangladeshis|bengalis|"
    r"somalis|africans|arabs|polish\s+people|romanians|gypsies|roma|travellers|"
    r"eastern\s+europeans|women|disabled\s+people|the\s+disabled|lgbt\s+people|homosexuals|"
    r"albanians|kurds|afghans|syrians|ukrainians|nigerians|chinese\s+people"
)

# --- the patterns, by kind ------------------------------------------------------------------

ABUSE_PATTERNS: dict[str, list[str]] = {
    "insult": [
        # "you're a pathetic loser", "ur such a stupid cow", "you are an absolute joke"
        rf"\b{_YOU_ARE}\s+(?:(?:such|so|a|an|the|just|really|literally|actually|nothing\s+but|"
        rf"one|some|like)\s+)*(?:(?:{_INSULT_ADJ})\s+){{0,3}}(?:{_INSULT_NOUN})\b",
        # "you're so dumb", "you are pathetic", "u r disgusting"
        rf"\b{_YOU_ARE}\s+(?:so\s+|such\s+|really\s+|proper\s+|well\s+|just\s+|actually\s+|"
        r"absolutely\s+|completely\s+|totally\s+|literally\s+)?(?:stupid|dumb|thick|pathetic|ugly|"
        r"fat|useless|worthless|disgusting|brainless|braindead|retarded|vile|spineless|clueless|"
        r"an?\s+embarrassment|a\s+disgrace|a\s+waste)\b(?!\s+(?:at|with|for|to|of|about))",
        # "shut up you fat pig", "you absolute melt", "you idiot"
        rf"\b{_YOU}\s+(?:(?:{_INSULT_ADJ})\s+){{0,3}}(?:{_INSULT_VOCATIVE})\b(?!\s+(?:out|up)\b)",
        # "whoever wrote this is a brainless muppet", "the idiot who planned this"
        r"\b(?:whoever|anyone\s+who|the\s+(?:person|people|guy|man|woman|lot)\s+who)\s+"
        r"(?:\w+\s+){1,4}(?:is|are)\s+(?:an?\s+|such\s+an?\s+|so\s+)?(?:\w+\s+){0,2}"
        rf"(?:{_INSULT_NOUN}|stupid|thick|brainless|pathetic|useless)\b",
        # "he's an idiot", "she is a lying cow", "they're scumbags": a person named as one
        rf"\b(?:he|she)(?:'s|\s+is)\s+(?:such\s+)?(?:an?\s+)?(?:(?:{_INSULT_ADJ})\s+){{0,2}}"
        rf"(?:{_INSULT_VOCATIVE})\b(?!\s+(?:out|up|at|for|in|on|with|by)\b)",
        # "Cllr Hughes is a spineless clown", "the warden is a lying git": a person named by
        # their title or role, then called one (not "a clown at the fair").
        r"\b(?:cllr|councillor|counciller|the\s+(?:councillor|cllr|mayor|warden|officer|manager|"
        r"landlord|neighbou?r|caretaker|inspector|planner|leader|headteacher|head|chair|mp|"
        r"bloke|man|woman|guy|driver|lady)|(?:that|this)\s+(?:bloke|man|woman|guy|lady|"
        r"councillor|cllr|warden|officer))\s+(?:[a-z0-9]+\s+){0,3}?(?:is|'s)\s+(?:such\s+|just\s+)?"
        rf"(?:an?\s+)?(?:(?:{_INSULT_ADJ})\s+){{0,2}}(?:{_INSULT_VOCATIVE}|disgrace|"
        r"waste\s+of\s+(?:space|oxygen|air|skin))\b(?!\s+(?:out|up|at|for|in|on|with|by|of)\b)",
        # Said of a person whatever comes before: "absolute waste of oxygen that man".
        r"\bwaste\s+of\s+(?:oxygen|skin)\b",
        # "you're a sad little man", "you are a nasty old woman"
        rf"\b{_YOU_ARE}\s+(?:such\s+)?an?\s+(?:{_MEAN_ADJ})\s+(?:little\s+|old\s+)?"
        r"(?:man|woman|boy|girl|person|creature|specimen)\b",
        r"\b(?:nobody|no\s+one|noone)\s+(?:likes|asked|cares\s+about|wants)\s+(?:you|u)\b",
        r"\beveryone\s+(?:hates|laughs\s+at)\s+(?:you|u)\b",
        r"\b(?:get\s+a\s+life|imagine\s+being\s+this\s+(?:stupid|thick|dumb|ugly|fat|sad))\b",
        r"\b(?:shut|close)\s+(?:your|ur|ya)\s+(?:mouth|face|gob|trap)\b",
        r"\byour\s+(?:mum|mom|mother)\s+(?:must\s+be\s+ashamed|is\s+a|should\s+have)\b",
        # Polish: "jesteś debilem", "ty kretynie", "zamknij mordę"
        r"\b(?:jestes|jestescie|ty|wy)\s+(?:\w+\s+){0,2}(?:idiot\w*|debil\w*|kretyn\w*|frajer\w*|"
        r"glup\w*|szmat\w*|smiec\w*|palant\w*|durni\w*|pajac\w*|matol\w*|baran\w*|osl\w*|"
        r"swini\w*|swinia|leszcz\w*|przyglup\w*|nieudacznik\w*|beztalenci\w*|tepak\w*|"
        r"imbecyl\w*)",
        r"\b(?:zamknij|stul)\s+(?:sie|morde|ryj|pysk|gebe|dziob)\b",
        r"\b(?:spadaj|odwal\s+sie|spieprzaj)\b",
        # Romanian: "ești un prost", "taci, prostule"
        r"\b(?:esti|sunteti|tu\s+esti)\s+(?:un|o|niste|cel\s+mai)?\s*(?:\w+\s+)?(?:prost\w*|"
        r"idiot\w*|ratat\w*|tampit\w*|bou|boule|nesimtit\w*|dobitoc\w*|cretin\w*|jegos\w*|"
        r"gunoi\w*|porc\w*|handicapat\w*|nenorocit\w*|fraier\w*|imbecil\w*|tembel\w*|"
        r"dobitoaca|proasta|tampita|urat\w*|gras\w*|inutil\w*)",
        # "consilierul e un incompetent și un mincinos", "vecinul e un bețiv nenorocit"
        r"\b(?:e|este|sunt|era)\s+(?:un|o|niste)\s+(?:mare\s+)?(?:incompetent\w*|mincinos\w*|"
        r"mincinoasa|betiv\w*|nesimtit\w*|idiot\w*|cretin\w*|imbecil\w*|dobitoc\w*|tampit\w*|"
        r"ratat\w*|jegos\w*|escroc\w*)\b",
        r"\b(?:prostule|idiotule|boule|tampitule|dobitocule|nenorocitule|gunoiule|cretinule|"
        r"proasto|tampito|jegosule|ratatule|fraiere|porcule)\b",
        r"\btaci\s+(?:din\s+gura|naibii|dracului|odata|ma)\b",
        r"\b(?:prostilor|proastelor|idiotilor|idioatelor|nenorocitilor|nenorocitelor|jegosilor|"
        r"tampitilor|cretinilor|dobitocilor|boilor|gunoaielor)\b",
        r"\b(?:prost[ie]|proaste|proasta|idioti|idioate|idioata|tampit[ie]|tampita|cretin[ie]|"
        r"jegos[ie]|jegoase|nesimtit[ie]|nesimtita)\s+(?:nenorocit[ie]?|nenorocita|nenorocitele|"
        r"imputit[ie]?|imputita|jegos[ie]|jegoase|proaste|prosti|idioate|idioti)\b",
        # Portuguese: "és um idiota", "cala a boca, palhaço"
        r"\b(?:es|voce\s+e|tu\s+es|sois|voces\s+sao)\s+(?:mesmo\s+)?(?:um\s+|uma\s+|uns\s+|umas\s+)?"
        r"(?:grande\s+|grandessissimo\s+)?(?:\w+\s+)?(?:idiota|burr[oa]|estupid[oa]|otari[oa]|"
        r"palhac[oa]|imbecil|cretin[oa]|anormal|parv[oa]|nojent[oa]|inutil|vagabund[oa]|"
        r"falhad[oa]|ridicul[oa]|babac[ao]|bronc[oa]|atrasad[oa]|porc[oa]|mentiros[oa]|"
        r"covarde|feio|feia|gord[oa])s?\b",
        r"\b(?:seu|sua|seus|suas|o\s+teu|a\s+tua)\s+(?:grande\s+)?(?:idiota|burr[oa]|otari[oa]|"
        r"palhac[oa]|imbecil|cretin[oa]|estupid[oa]|babac[ao]|nojent[oa]|vagabund[oa])s?\b",
        r"\b(?:cala\s+(?:a\s+)?boca|cala-te|cala\s+te|cale-se|cala\s+o\s+bico)\b",
        # "a funcionária é uma burra", "o vereador é um idiota" (not "é um palhaço": a party's)
        r"\b(?:e|sao)\s+(?:mesmo\s+|mas\s+)?(?:um|uma|uns|umas)\s+(?:grande\s+)?"
        r"(?:(?:\w+\s+)?e\s+(?:um|uma)\s+)?(?:idiota|burr[oa]|imbecil|cretin[oa]|otari[oa]|"
        r"estupid[oa]|parv[oa]|anormal|incompetente|mentiros[oa]|ladrao|ladra|corrupt[oa]|"
        r"palhac[oa]\s+(?:incompetente|ridicul[oa]|nojent[oa]|mentiros[oa]|corrupt[oa]))s?\b",
        # Urdu / Hindi / Panjabi in Latin letters: "tu pagal hai", "chal nikal gadhe"
        r"\b(?:tu|tum|tuu|tusi|tainu|tenu)\s+(?:\w+\s+){0,3}(?:pagal|paagal|bewakoof|"
        r"bewaqoof|bevakoof|bewkoof|gadha|gadhe|gadhi|ullu|kamina|kameena|kamine|kameene|"
        r"kutta|kutte|kutti|kuttey|suar|soor|jahil|jaahil|ghatiya|badtameez|badtamiz|"
        r"nalayak|nalaik|beghairat|besharam|murakh|moorakh|khota|khotey|khote)\b",
        r"\b(?:chup\s+kar|chup\s+kr|nikal|bakwas\s+band\s+kar|dafa\s+ho)\s+(?:\w+\s+)?(?:gadhe|"
        r"gadha|kamine|kameene|kamina|kutte|kuttey|pagal|bewakoof|ullu|khote|khotey|suar)\b",
        r"\bullu\s+(?:ka|ke|di|da)\s+(?:pattha|patha|pathe|patthe|bacha|bachha)\b",
        # Bengali in Latin letters
        r"\b(?:tui|tumi|tora)\s+(?:ekta\s+|akta\s+)?(?:\w+\s+)?(?:gadha|boka|bokachoda|"
        r"haramzada|haramjada|kutta|pagol|chagol|bolod|shala|beyadob|fal?tu|shuor|shuyor)\b",
        # Urdu: "تم پاگل ہو", "بکواس بند کرو"
        rf"{_S}(?:تم|تجھ|تمہارے\s+جیسے|تم\s+جیسے)\s+(?:\S+\s+){{0,3}}(?:پاگل|بیوقوف|بے\s*وقوف|"
        rf"جاہل|گدھے|گدھا|کمینے|کمینہ|کتے|کتا|گھٹیا|الو|خنزیر|بدتمیز|نالائق|بےغیرت|بے\s*شرم|"
        rf"ذلیل|بےشرم){_E}",
        rf"{_S}الو\s+(?:کے|کا|کی)\s+(?:پٹھے|پٹھا|پٹھی){_E}",
        rf"{_S}(?:بکواس\s+بند\s+کرو|بکواس\s+بند\s+کر|چپ\s+کر\s+(?:\S+\s+)?(?:گدھے|کمینے|کتے)|"
        rf"دفع\s+ہو|کمینے\s+انسان|گھٹیا\s+انسان|ذلیل\s+انسان){_E}",
        # Bengali: "তুই একটা গাধা", "মুখ বন্ধ রাখ"
        rf"{_S}(?:তুই|তুমি|তোরা|তোর\s+মত)\s+(?:\S+\s+){{0,2}}(?:গাধা|বোকা|বেয়াদব|হারামি|হারামজাদা|"
        rf"কুত্তা|শুয়োর|পাগল|ছাগল|বলদ|ফালতু|অপদার্থ|বেকুব|মূর্খ){_E}",
        rf"{_S}(?:মুখ\s+বন্ধ\s+(?:কর|রাখ|করো)|চুপ\s+কর\s+(?:\S+\s+)?(?:গাধা|বোকা|হারামি)){_E}",
        # Panjabi: "ਤੂੰ ਪਾਗਲ ਹੈਂ", "ਚੁੱਪ ਕਰ ਗਧੇ"
        rf"{_S}(?:ਤੂੰ|ਤੂ|ਤੁਸੀਂ|ਤੈਨੂੰ)\s+(?:\S+\s+){{0,3}}(?:ਪਾਗਲ|ਮੂਰਖ|ਗਧਾ|ਗਧੇ|ਕੁੱਤਾ|ਕੁੱਤੇ|ਕਮੀਨਾ|"
        rf"ਕਮੀਨੇ|ਬੇਵਕੂਫ਼|ਬੇਵਕੂਫ|ਉੱਲੂ|ਖੋਤਾ|ਖੋਤੇ|ਨਾਲਾਇਕ|ਬੇਸ਼ਰਮ){_E}",
        rf"{_S}(?:ਬਕਵਾਸ\s+ਬੰਦ\s+ਕਰ|ਚੁੱਪ\s+ਕਰ\s+(?:ਗਧੇ|ਕੁੱਤੇ|ਕਮੀਨੇ|ਖੋਤੇ)){_E}",
        # Arabic: "أنت غبي", "اسكت يا حمار"
        rf"{_S}(?:انت|أنت|انتي|أنتي|انتم|أنتم|يا)\s+(?:\S+\s+){{0,2}}(?:غبي|غبية|حقير|حقيرة|"
        rf"حمار|كلب|كلبة|تافه|تافهة|وسخ|قذر|أحمق|احمق|حيوان|خنزير|جبان|فاشل|فاشلة|"
        rf"سخيف|سخيفة|منحط|وقح|وقحة){_E}",
        rf"{_S}(?:اسكت|اخرس|انقلع|اسكتي|اخرسي){_E}",
        rf"{_S}(?:هو|هي|المسؤول|المسؤولة|المسئول|الموظف|الموظفة|المدير|المديرة|المشرف|المشرفة|"
        rf"المستشار|المستشارة|العضو|النائب|الجار|الجارة|المفتش|المراقب)\s+"
        rf"(?:\S+\s+){{0,5}}?(?:حمار|حمارة|غبي|غبية|حقير|حقيرة|أحمق|احمق|تافه|تافهة|وقح|وقحة|"
        rf"كذاب|كذابة|حرامي|حرامية|فاشل|فاشلة)"
        rf"(?:\s+(?:و|ولا|ما)\s*(?:يفهم|تفهم|يعرف|تعرف)|{_E})",
    ],
    "threat": [
        # "I'll find the warden who did it": hunting someone down (not "find out who did it").
        rf"\b{_I_WILL}\s+find\s+(?!out\b)(?:whoever|the\s+(?:\w+\s+){{0,2}}?(?:who|that))\s+"
        r"(?:did|done|put|wrote|reported|gave|made|parked|keyed|took)\b",
        r"\blabh\s+(?:ke|k)\s+(?:rahange|rahanga|rahangi|chhadange|chhadanga|chaddange)\b",
        # "I'll smash your face in", "im gonna find you and beat you up"
        rf"\b{_I_WILL}\s+(?:\w+\s+){{0,4}}?(?:kill|stab|shank|batter|beat|punch|hurt|murder|"
        r"shoot|jump|slap|deck|knock\s+out|strangle|choke|merk|bottle|glass|run\s+over|"
        r"beat\s+up|smash|end|acid)\s+(?:you|u|ya|yo)\b(?!\s+(?:at|in)\b)",
        rf"\b{_I_WILL}\s+(?:\w+\s+){{0,4}}?(?:kill|stab|batter|smash|break|burn|kick|punch|"
        r"cave|bash|slash|torch|petrol\s+bomb)\s+(?:your|ur|yo)\s+(?:\w+\s+)?(?:face|head|"
        r"house|family|mum|mom|legs?|arms?|teeth|skull|car|windows?|door|kids?|brother|sister)\b",
        r"\b(?:i'?m|we'?re|im)\s+coming\s+for\s+(?:you|u|ya)\b",
        rf"\b{_I_WILL}\s+(?:\w+\s+){{0,3}}?(?:slash|puncture|let\s+down|key|smash|torch|burn)\s+"
        r"(?:his|her|their|your|ur|them)\s+(?:\w+\s+)?(?:tyres|tires|car|windows?|van|house|door)\b",
        r"\b(?:you'?re|ur|you\s+are|u\s+r)\s+(?:so\s+|actually\s+)?dead\b(?!\s+(?:right|good|nice|"
        r"lucky|on|funny|wrong|serious|about|cute|clever|easy|keen|on\s+time|proud|smart|"
        r"kind|sweet|brave|quick|fast|late))",
        r"\b(?:you'?ll|you\s+will|u\s+will|ull|you'?re\s+gonna|you\s+gonna)\s+(?:\w+\s+)?"
        r"(?:get\s+(?:stabbed|shot|jumped|battered|smashed|done\s+in|merked|killed|beaten\s+up)|"
        r"be\s+(?:dead|sorry\s+when|next))\b",
        r"\b(?:watch\s+your\s+back|sleep\s+with\s+one\s+eye\s+open|dead\s+meat)\b",
        r"\b(?:i|we)\s+know\s+where\s+(?:you|u|ya)\s+(?:live|stay|go\s+to\s+school|sleep)\b",
        r"\b(?:i|we)\s+know\s+(?:your|ur)\s+address\b",
        r"\b(?:someone|somebody|people)\s+should\s+(?:\w+\s+)?(?:stab|shoot|kill|hurt|burn|"
        r"bomb|hang|beat\s+up|batter)\b",
        r"\b(?:go\s+(?:and\s+)?(?:kill|hang|drown|top)\s+yourself|i\s+hope\s+(?:you|u)\s+"
        r"(?:die|get\s+(?:cancer|hit|run\s+over|stabbed|shot|hurt|killed)))\b",
        r"\b(?:should|deserve\s+to|needs?\s+to)\s+be\s+(?:shot|hanged|hung|killed|burned|"
        r"burnt|lynched|stabbed|gassed)\b(?!\s+(?:off|down))",
        # Polish
        r"\b(?:zabije|zajebie|pobije|rozwale|zniszcze|dopadne|znajde|zatluke|udusze|"
        r"porachuje)\s+(?:cie|ciebie|was|ci)\b",
        r"\b(?:dostaniesz|oberwiesz)\s+(?:w\s+(?:ryj|morde|leb|zeby|gebe)|wpierdol|lanie)\b",
        r"\b(?:jestes|jestes\s+juz)\s+trupem\b",
        # "przebiję mu opony", "mu opony przebiję": someone's things ("mu", "jej"), not glass on
        # the road that "przebije opony" (will puncture tyres).
        r"\b(?:przebije|poprzebijam|potne|rozwale|wybije|spale)\s+(?:mu|jej|im|ci)\s+"
        r"(?:opony|szyby|auto|samochod|okna|drzwi)\b",
        r"\b(?:mu|jej|im|ci)\s+(?:opony|szyby|auto|samochod|okna|drzwi)\s+(?:przebije|poprzebijam|"
        r"potne|rozwale|wybije|spale)\b",
        r"\b(?:opony|szyby|auto|samochod|okna)\s+(?:mu|jej|im|ci)\s+(?:przebije|poprzebijam|potne|"
        r"rozwale|wybije|spale)\b",
        # Romanian
        r"\b(?:te|va)\s+(?:omor|bat|termin|distrug|prind|caut|sparg|tai|injunghii|calc|"
        r"gasesc)\b",
        r"\b(?:iti|ii)\s+(?:sparg|rup|tai|zdrobesc)\s+(?:capul|fata|gura|picioarele|dintii|gatul)\b",
        r"\b(?:esti|sunteti)\s+(?:un\s+)?(?:om\s+)?mort\b",
        # Portuguese
        r"\b(?:vou-?te|vou\s+te|te\s+vou|vou\s+-te)\s+(?:\w+\s+)?(?:matar|partir|bater|apanhar|"
        r"esfaquear|queimar|encontrar|rebentar|desfazer|furar)\b",
        r"\b(?:mato-?te|te\s+mato|parto-?te|te\s+parto|apanho-?te|te\s+apanho|"
        r"vais\s+(?:levar|apanhar|morrer|ver\s+o\s+que\s+te\s+acontece)|estas\s+morto|"
        r"es\s+um\s+homem\s+morto)\b",
        # Urdu / Panjabi / Hindi in Latin letters
        r"\b(?:tujhe|tujhko|tumhe|tumhein|tumko|tainu|tenu|tennu|tuhanu|tenoo|tanu)\s+"
        r"(?:\w+\s+){0,3}(?:maar|mar\s+dunga|mar\s+doonga|marunga|maarunga|jaan\s+se|khatam|"
        r"kuttanga|kuttunga|kut\s+dunga|chhodunga\s+na|chodunga\s+na|chhadanga\s+na|"
        r"dekh\s+lunga|dekh\s+lu|dekh\s+laanga|dekh\s+lawanga|vadh|wadh|goli|chaku)\w*\b",
        r"\b(?:jaan\s+se\s+maar|maar\s+(?:dunga|doonga|dalunga|daalunga|dena|deyanga|dyanga))\b",
        r"\b(?:bahar\s+mil|bahar\s+aa|bahar\s+nikal)\s+(?:\w+\s+){0,2}(?:dekh|maar|bataun|"
        r"batata)\w*\b",
        # Bengali in Latin letters
        r"\b(?:toke|tomake)\s+(?:\w+\s+)?(?:mere|khun|marbo|sesh|shesh)\w*\b",
        # Urdu
        rf"{_S}(?:تمہیں|تجھے|تم\s+کو|تجھ\s+کو|تیری|تمہاری)\s+(?:\S+\s+){{0,3}}(?:مار\s+(?:دوں|ڈالوں|"
        rf"دونگا|دوں\s+گا|ڈالوں\s+گا)|جان\s+سے|ختم\s+کر\s+دوں|دیکھ\s+لوں|نہیں\s+چھوڑوں|"
        rf"ٹانگیں\s+توڑ|حال\s+کرتا){_E}",
        rf"{_S}(?:جان\s+سے\s+مار\s+(?:دوں|ڈالوں)|مار\s+ڈالوں\s+گا|قتل\s+کر\s+دوں){_E}",
        # Bengali
        rf"{_S}(?:তোকে|তোমাকে|তোদের)\s+(?:\S+\s+){{0,2}}(?:মেরে|খুন|মারব|শেষ\s+করে|পিটিয়ে|দেখে\s+নেব){_E}",
        # "if I get him on the street I'll see to him"
        rf"{_S}পেলে\s+(?:\S+\s+){{0,1}}(?:দেখে\s+নেব|মেরে\s+ফেলব|শেষ\s+করে\s+দেব){_E}",
        # Panjabi
        rf"{_S}(?:ਤੈਨੂੰ|ਤੁਹਾਨੂੰ|ਤੇਰੀ)\s+(?:\S+\s+){{0,3}}(?:ਮਾਰ|ਖ਼ਤਮ|ਖਤਮ|ਕੁੱਟ|ਵੱਢ|ਦੇਖ\s+ਲਵਾਂ){_E}",
        # Arabic
        rf"{_S}(?:سأقتلك|ساقتلك|راح\s+اقتلك|رح\s+اقتلك|بقتلك|هقتلك|سأضربك|ساضربك|سأذبحك|ساذبحك|"
        rf"سأكسر\s+راسك|سأكسر\s+رأسك|سأدمرك|سادمرك|راح\s+اضربك|سأحرق|انت\s+ميت|أنت\s+ميت){_E}",
        # "if we catch you, you'll regret it"
        rf"{_S}(?:لو|إذا|اذا|ان|إن)\s+(?:مسكناك|مسكتك|مسكناكم|مسكتكم){_E}",
    ],
    "hate": [
        # "muslims are ruining this town", "immigrants are all thieves"
        r"\b(?:all\s+)?(?:these\s+|those\s+|the\s+|bloody\s+|most\s+|them\s+)?(?:muslims|jews|"
        r"christians|hindus|sikhs|immigrants|migrants|foreigners|refugees|asylum\s+seekers|"
        r"gays|gay\s+people|lesbians|trans\s+people|transgenders?|black\s+people|blacks|"
        r"white\s+people|asians|pakistanis|indians|bangladeshis|bengalis|somalis|africans|"
        r"arabs|polish\s+people|polish|romanians|gypsies|roma|travellers|eastern\s+europeans|"
        r"europeans|english\s+people|women|disabled\s+people|the\s+disabled|lgbt\s+people|"
        r"homosexuals|albanians|kurds|afghans|syrians|ukrainians|nigerians|chinese\s+people|"
        r"catholics|atheists|(?:romanian|somali|pakistani|indian|bangladeshi|bengali|african|arab|"
        r"albanian|afghan|syrian|ukrainian|nigerian|muslim|jewish|black|asian|kurdish|gay|trans|"
        r"traveller|gypsy|immigrant|migrant|foreign|refugee)(?=\s+(?:people|lads|men|women|blokes|"
        r"folk|families|lot|kids|boys|girls)\b))(?:\s+(?:people|lads|men|women|blokes|folk|"
        r"families|lot|kids|boys|girls))?\s+(?:are|r|is|should|need\s+to|must|all|just|have|keep|always|"
        r"will)\s+(?:(?!not\b|never\b|no\b|n't\b)\w+\s+){0,3}?"
        r"(?:thieves|criminals|terrorists|scum|vermin|animals|rats|parasites|rapists|disgusting|"
        r"dirty|filthy|evil|a\s+disease|a\s+plague|subhuman|savages|invaders|ruining|"
        r"taking\s+over|destroying|mentally\s+ill|freaks|beggars|scroungers|inferior|pedos|"
        r"paedos|groomers|cockroaches|sick|unnatural|abominations?|go\s+back|sent\s+back|"
        r"deported|kicked\s+out|thrown\s+out|locked\s+up|stupid|a\s+danger|a\s+threat|"
        r"a\s+cancer|breeding\s+like|infesting|swarming|lazy|liars|dangerous|drunks|"
        r"alcoholics|thugs|junkies)\b",
        rf"\b(?:{_GROUP})\s+(?:shouldn'?t|should\s+not|must\s+not|mustn'?t)\s+be\s+allowed\b",
        rf"\b(?:{_GROUP})\s+should\s+be\s+(?:banned|deported|removed|kicked\s+out|locked\s+up)\b",
        rf"\b(?:{_GROUP})\s+(?:control|run|own)\s+(?:the\s+|our\s+|this\s+)?(?:council|country|"
        r"media|banks|government|world|town|police)\b",
        r"\b(?:go|get|send\s+(?:them|em|'em|these\s+people|those\s+people)(?:\s+all)?|should\s+go|"
        r"(?:be|being|get|got|getting)\s+(?:sent|shipped|deported))"
        r"\s+back\s+(?:to\s+)?(?:where\s+(?:you|they|u)\s+came\s+from|(?:your|their|ur)\s+"
        r"(?:own\s+)?(?:country|countries|land|home)|to\s+africa|to\s+pakistan|"
        r"to\s+poland|to\s+romania)\b",
        r"\bsend\s+(?:them|em|'em|these\s+people|those\s+people)\s+(?:all\s+)?back\b",
        r"\b(?:don'?t|do\s+not)\s+belong\s+(?:here|in\s+(?:this|our)\s+(?:country|town|luton))\b",
        r"\b(?:get\s+out\s+of\s+our\s+(?:country|town)|(?:our|this)\s+country\s+is\s+being\s+"
        r"(?:invaded|taken\s+over))\b",
        # Polish
        r"\b(?:imigranci|obcokrajowcy|cudzoziemcy|ukraincy|muzulmanie|zydzi|geje|cyganie|czarni|"
        r"arabowie|uchodzcy|pakistanczycy|hindusi|rumuni|polacy|angole)\s+(?:to|sa|sa\s+wszyscy|"
        r"wszyscy\s+to|niszcza|zabieraja|powinni)\s+(?:\w+\s+){0,2}(?:zlodzie\w*|smieci\w*|"
        r"terror\w*|brud\w*|zwierz\w*|pasozyt\w*|przestep\w*|bandy\w*|niszcza|wynosic|"
        r"wyjechac|wracac|zboczen\w*|chor\w*|gorsi|robactwo|szkodnik\w*|to\s+miasto)\w*\b",
        r"\b(?:wracajcie|wynocha|won)\s+(?:do\s+(?:siebie|swojego\s+kraju|domu)|z\s+(?:polski|"
        r"anglii|naszego))\b",
        # Romanian
        r"\b(?:tiganii|romii|imigrantii|strainii|musulmanii|evreii|homosexualii|negrii|arabii|"
        r"refugiatii|ungurii|gay-?ii)\s+(?:\w+\s+){0,2}(?:sunt|is|strica|distrug|fura|ar\s+trebui)"
        r"\s*(?:\w+\s+){0,2}(?:hoti|infractori|gunoaie|animale|paraziti|murdari|criminali|"
        r"tot|orasul|tara|bolnavi|scarbosi|inapoi|alungati|dati\s+afara)\b",
        r"\b(?:plecati|intoarceti-?va|du-?te)\s+(?:inapoi\s+)?(?:in|la)\s+(?:tara\s+(?:voastra|ta)|"
        r"voi\s+acasa)\b",
        # Portuguese
        r"\b(?:os\s+|as\s+|estes\s+|esses\s+|essas\s+|estas\s+)?(?:imigrantes|estrangeiros|pretos|"
        r"negros|ciganos|brasileiros|muculman[oa]s|judeus|gays|homossexuais|lesbicas|refugiados|"
        r"indianos|africanos|paquistaneses|romenos|ucranianos|trans)\s+"
        r"(?:que\s+(?:\w+\s+){1,3}?)?"  # "esses romenos que chegaram agora são todos ladrões"
        r"(?:sao|devem|deviam|tem\s+de|estao\s+a|so)\s+(?:todos\s+|uns\s+)?(?:\w+\s+){0,2}"
        r"(?:ladroes|criminosos|lixo|animais|terroristas|nojentos|parasitas|bandidos|voltar|"
        r"ser\s+expulsos|ir\s+embora|doentes|destruir|estragar|sujos|perigos[oa]s|uma\s+ameaca|"
        r"uma\s+doenca|uma\s+praga|inferiores)\b",
        r"\b(?:voltem|volta|vai)\s+(?:para|pra)\s+(?:a\s+)?(?:(?:vossa|sua|tua)\s+terra|"
        r"(?:o\s+)?(?:vosso|seu|teu)\s+pais|africa|o\s+brasil)\b",
        # Urdu / Panjabi in Latin letters
        r"\b(?:inko|inhe|inhein|unko|enu|ehna\s+nu)\s+(?:\w+\s+){0,2}(?:wapas\s+bhejo|"
        r"mulk\s+se\s+nikalo|desh\s+se\s+nikalo|shehar\s+se\s+nikalo|bahar\s+nikalo|kadd\s+do)\b",
        r"\b(?:yeh|ye|sab|saare|sare|eh)\s+(?:\w+\s+){0,2}(?:log|wale|lok)\s+(?:sab\s+)?"
        r"(?:chor|dehshatgard|ganday|gande|kutte|janwar|jaanwar|nasal\s*parast|racist|mujrim)\b",
        # Urdu
        rf"{_S}(?:واپس\s+بھیجو|ملک\s+سے\s+نکالو|شہر\s+سے\s+نکالو|یہاں\s+رہنے\s+کا\s+(?:کوئی\s+)?حق\s+نہیں){_E}",
        rf"{_S}(?:یہ|سارے|سب|یہ\s+سارے|یہ\s+سب)\s+(?:\S+\s+){{0,3}}(?:چور|دہشت\s*گرد|گندے|جانور|"
        rf"کتے|نسل\s*پرست|مجرم|جاہل)\s+(?:ہیں|ہے){_E}",
        rf"{_S}(?:قادیانی|قادیانیوں|احمدی|احمدیوں|یہودی|یہودیوں|ہندو|ہندوؤں|سکھ|سکھوں|عیسائی|"
        rf"عیسائیوں|کالے|کالوں|گورے|گوروں)\s+(?:\S+\s+){{0,8}}?(?:(?:آنے|گھسنے|رہنے)\s+(?:ہی\s+)?نہیں\s+"
        rf"(?:دینا|دینی|دیا\s+جانا)\s+چاہی|ہم\s+میں\s+سے\s+نہیں|نکال\s+(?:دو|دینا)|واپس\s+بھیج|نکل\s+جائیں|دفع\s+ہو\s+جائیں)",
        r"\b(?:qadiani|qadianiyon|ahmadi|ahmadiyon)\w*\s+(?:\w+\s+){0,8}?(?:ko\s+)?(?:(?:aane|ghusne|rehne)"
        r"\s+(?:hi\s+)?nahi\s+dena|hum\s+mein\s+se\s+nahi|nikal\s+do|wapas\s+bhejo)",
        # Bengali / Panjabi / Arabic
        rf"{_S}(?:দেশ\s+থেকে\s+বের\s+করে\s+দাও|ফেরত\s+পাঠাও|ਵਾਪਸ\s+ਭੇਜੋ|ਦੇਸ਼\s+ਤੋਂ\s+ਕੱਢੋ){_E}",
        rf"{_S}(?:ارجعوا|ارجع|ارجعي)\s+(?:الى|إلى|ل)\s*(?:بلدكم|بلدك|بلادكم){_E}",
        rf"{_S}(?:المهاجرين|المهاجرون|الأجانب|الاجانب|اللاجئين|اللاجئون|اليهود|المسلمين|"
        rf"المسلمون|المسيحيين|المثليين|المثليون|الشواذ|السود)\s+(?:\S+\s+){{0,2}}(?:لصوص|مجرمين|"
        rf"مجرمون|حيوانات|قذرين|إرهابيين|ارهابيين|حثالة|يجب\s+طردهم|طفيليات|مرض|وباء|سرطان|"
        rf"خطر\s+على){_E}",
        # "لا تعطوا السكن للأفارقة، كلهم مجرمين": a group, then "they are all" criminals
        rf"{_S}(?:و|ب|ل)?(?:ال|لل)(?:أفارقة|افارقة|مهاجرين|اجانب|أجانب|لاجئين|سود|عرب|باكستانيين|"
        rf"هنود|غجر|يهود|مسلمين|مسيحيين|رومانيين|بولنديين)\S*\s+(?:\S+\s+){{0,4}}?"
        rf"كلهم\s+(?:مجرمين|مجرمون|لصوص|حرامية|ارهابيين|إرهابيين|حيوانات|تجار\s+مخدرات|قذرين|"
        rf"حثالة){_E}",
    ],
}
