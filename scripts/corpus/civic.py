"""Ordinary consultation comments, the bulk of what the site receives, in every language.

Opinions on buses, parks, benches, bins, housing, rents, wages, jobs and care work, family
members' jobs, schools, youth clubs, street lighting, the council, disagreement, and worries
about money phrased as civic comments. Without them the model learns that "my mum", "works",
"long days", "everyone" or "can't afford" lean towards risk because risky templates hold
them more often than harmless ones do. Each template is its own family (for the split).
"""

from __future__ import annotations

_FAMILY = "[my mum|my mom|my dad|my sister|my brother|my aunt|my uncle|my neighbour|my wife|my husband|my friend]"
_THING = "[benches|more bins|bins that get emptied|a crossing|better lighting|a bus shelter|trees|a water fountain|public toilets|a play area|cycle racks]"

TEMPLATES = {
    "en": [
        f"{_THING} would be [good|great|useful|nice] for everyone [here|round here|in {{area}}|on {{street}}]",
        f"[we need|please put|could we have|it would help to have] {_THING} [near|at|outside] {{place}}",
        f"{_FAMILY} works in [home care|a care home|the hospital|a warehouse|a school kitchen|retail|a factory|the airport] [through an agency|on nights|part time|on a zero hours contract] and [gets minimum wage|earns very little|works very long days]. [This should have happened years ago|I support this|Good idea|About time]",
        f"{_FAMILY} [drives buses|drives a taxi|is a nurse|is a carer|works at the airport|cleans offices|is a teaching assistant|works at Vauxhall] [so|and] [I know how hard it is|this matters to our family|I back this proposal]",
        "I'd rather the money went on [making the buses turn up on time|fixing the roads|the youth club|more bus routes|street lights]. [A free bus is no good if it doesn't come|That would help more people|That's what people actually need]",
        "[I can't afford the bus fare|The bus fare is too much for us|Bus fares cost me a fortune] [every week|to get to work|to get to college], [so cheaper fares would really help|please keep fares down|a cap would help]",
        "[families are|a lot of people are|people round here are] struggling with [food prices|the cost of living|energy bills|rent], [the council should|please] [think about that|keep that in mind|help where it can]",
        "[rents|house prices|council tax] in [Luton|{area}] [are too high|have gone up so much|are out of reach] for [young people|families|key workers|people on normal wages]",
        "[we need more|please build more|there aren't enough] [council houses|affordable homes|family homes|social housing] in {area}",
        "I [don't agree|disagree|am not convinced] with this [proposal|plan|idea] because [it costs too much|it won't help the people who need it|nobody asked residents|the traffic will get worse]",
        "[I agree with this|Fully support this|This is a good plan|Great idea], [especially|particularly] for [older people|children|families|people who work shifts|disabled people]",
        "the [council|councillors] [never listen|always say they'll consult and then don't|waste money on things nobody needs|should have done this years ago]",
        "[the streets|the alley|the path by the station|{street}] [is|are] [too dark at night|badly lit|not safe after dark], [more lighting please|can you add street lights|it needs cameras]",
        "[the youth club|the library|the community centre|the leisure centre] in {area} [is|was] [really important to|a lifeline for|used by] [young people|my kids|our family|older residents]",
        "[my kids|my children|my son|my daughter] [go to|goes to|went to] {school} and [the road outside is dangerous|the school needs more funding|the class sizes are too big|the breakfast club helps a lot]",
        "[a living wage|better pay|fair wages] for [care workers|carers|bus drivers|cleaners|council staff] [is long overdue|would make a big difference|should be a priority]",
        "[jobs|apprenticeships|training places] for [young people|school leavers|people over 50] in Luton [are hard to find|should be the priority|need more support]",
        "[I walk|we walk|my mum walks|my dad walks] [through {place}|along {street}|to the bus stop] every [morning|evening|day] and [the pavement is broken|there's litter everywhere|there's nowhere to sit]",
        "[fix the potholes|empty the bins more often|cut the grass|clean the graffiti] on {street} [first|before anything else|please]",
        "[thanks for|thank you for|good that you are] [asking|running this consultation|listening to residents], [here's my view|my view is below|I hope it counts]",
        "[older people|people with prams|wheelchair users] need [somewhere to sit|a bench|a dropped kerb|a ramp] [at|near] {place}",
        "[prices|the shopping|everything] [has gone up|costs so much more now] and [wages haven't|pay hasn't kept up], [so|and] [this is welcome|this helps|please do more]",
        "[the bus|the {bus}] [is always late|doesn't turn up|is cancelled half the time] and I [miss work|am late for school|wait for ages]",
        "I [hurt myself|fell over|tripped|cut my knee|twisted my ankle|bruised my leg] on the [broken swing|cracked pavement|broken slide|loose paving slab|broken gate|pothole] [in {place}|on {street}|last week|at the park], [please fix it|it's dangerous|someone will get badly hurt|it's been like that for months]",
        "[my son|my daughter|my little brother|my nan|a kid|an old man] [hurt himself|hurt herself|fell|tripped|got hurt] on the [broken swing|uneven pavement|broken slide|pothole|broken step] [in {place}|on {street}], [the council needs to fix it|it's not safe|who is responsible?]",
        "[the park|the playground|{place}] [is lovely|is well kept|has improved a lot], [well done|thank you|keep it up]",
    ],
    "ur": [
        "یہاں [بینچ|زیادہ کوڑے دان|روشنی|بس سٹاپ پر چھت] سب کے لیے [اچھے|فائدہ مند] ہوں گے",
        "میری [امی|ماں|بہن|خالہ] [ہوم کیئر|کیئر ہوم|ہسپتال] میں کام کرتی ہیں اور [کم از کم تنخواہ|بہت کم پیسے] ملتے ہیں۔ یہ [بہت پہلے ہونا چاہیے تھا|اچھا فیصلہ ہے]",
        "میرے [ابو|والد|بھائی|چچا] [بس چلاتے ہیں|ٹیکسی چلاتے ہیں|ایئرپورٹ پر کام کرتے ہیں] اس لیے میں اس [تجویز|منصوبے] کی حمایت کرتا ہوں",
        "[بس کا کرایہ|کرایہ|کونسل ٹیکس] بہت [زیادہ|مہنگا] ہے، [خاندان|لوگ] [کھانے کی قیمتوں|بلوں] سے پریشان ہیں",
        "میں اس [تجویز|منصوبے] سے [متفق نہیں|اتفاق نہیں کرتا] کیونکہ [یہ بہت مہنگا ہے|ٹریفک بڑھ جائے گی|رہائشیوں سے پوچھا نہیں گیا]",
        "[{area}|لوٹن] میں [سستے گھر|کونسل کے گھر] [اور|زیادہ] بنانے چاہئیں، [کرائے|قیمتیں] بہت [زیادہ|اونچے] ہیں",
        "[گلیاں|پارک کا راستہ|{street}] رات کو بہت [اندھیرا|غیر محفوظ] ہے، [لائٹس|روشنی] لگائیں [شکریہ|پلیز]",
        "بس [ہمیشہ دیر سے آتی ہے|وقت پر نہیں آتی]، مفت بس کا کیا فائدہ اگر وہ آئے ہی نہیں",
    ],
    "ur-Latn": [
        "main [gir gaya|zakhmi ho gaya|phisal gaya] [tooti hui swing|tooti footpath|khadde] pe [park mein|{street} pe], isay theek karo plz",
        "yahan [benches|zyada bins|lights|bus shelter] sab ke liye [achi|faidemand] hogi",
        "meri [ammi|maa|behen|khala] [home care|care home|hospital] mein kaam karti hain aur [minimum wage|bohat kam paise] milte hain, ye [bohat pehle hona chahiye tha|acha faisla hai]",
        "mere [abbu|walid|bhai|chacha] [bus chalate hain|taxi chalate hain|airport pe kaam karte hain] is liye main is [proposal|plan] ke haq mein hoon",
        "[bus ka kiraya|rent|council tax] bohat [zyada|mehnga] hai, [families|log] [khane ki qeematon|bills] se pareshan hain",
        "main is [proposal|plan] se agree nahi karta kyunke [ye bohat mehnga hai|traffic barh jayegi|logon se poocha nahi gaya]",
        "[galiyan|park ka rasta|{street}] raat ko bohat [andhera|unsafe] hai, [lights|roshni] lagao [plz|shukriya]",
    ],
    "pa": [
        "ਇੱਥੇ [ਬੈਂਚ|ਹੋਰ ਕੂੜੇਦਾਨ|ਰੌਸ਼ਨੀ|ਬੱਸ ਸ਼ੈਲਟਰ] ਸਾਰਿਆਂ ਲਈ [ਚੰਗੇ|ਫਾਇਦੇਮੰਦ] ਹੋਣਗੇ",
        "ਮੇਰੀ [ਮਾਂ|ਭੈਣ|ਮਾਸੀ] [ਹੋਮ ਕੇਅਰ|ਕੇਅਰ ਹੋਮ|ਹਸਪਤਾਲ] ਵਿੱਚ ਕੰਮ ਕਰਦੀ ਹੈ ਅਤੇ [ਘੱਟੋ-ਘੱਟ ਤਨਖਾਹ|ਬਹੁਤ ਘੱਟ ਪੈਸੇ] ਮਿਲਦੇ ਹਨ। ਇਹ [ਬਹੁਤ ਪਹਿਲਾਂ ਹੋਣਾ ਚਾਹੀਦਾ ਸੀ|ਚੰਗਾ ਫੈਸਲਾ ਹੈ]",
        "ਮੇਰੇ [ਪਿਤਾ ਜੀ|ਭਰਾ|ਚਾਚਾ] [ਬੱਸ ਚਲਾਉਂਦੇ ਹਨ|ਟੈਕਸੀ ਚਲਾਉਂਦੇ ਹਨ|ਏਅਰਪੋਰਟ ਤੇ ਕੰਮ ਕਰਦੇ ਹਨ] ਇਸ ਲਈ ਮੈਂ ਇਸ ਦਾ ਸਮਰਥਨ ਕਰਦਾ ਹਾਂ",
        "[ਬੱਸ ਦਾ ਕਿਰਾਇਆ|ਕਿਰਾਇਆ|ਕੌਂਸਲ ਟੈਕਸ] ਬਹੁਤ [ਜ਼ਿਆਦਾ|ਮਹਿੰਗਾ] ਹੈ, [ਪਰਿਵਾਰ|ਲੋਕ] [ਖਾਣੇ ਦੀਆਂ ਕੀਮਤਾਂ|ਬਿੱਲਾਂ] ਤੋਂ ਪਰੇਸ਼ਾਨ ਹਨ",
        "ਮੈਂ ਇਸ [ਪ੍ਰਸਤਾਵ|ਯੋਜਨਾ] ਨਾਲ ਸਹਿਮਤ ਨਹੀਂ ਕਿਉਂਕਿ [ਇਹ ਬਹੁਤ ਮਹਿੰਗਾ ਹੈ|ਟ੍ਰੈਫਿਕ ਵਧੇਗਾ]",
        "[ਗਲੀਆਂ|{street}] ਰਾਤ ਨੂੰ ਬਹੁਤ [ਹਨੇਰੀਆਂ|ਅਸੁਰੱਖਿਅਤ] ਹਨ, [ਲਾਈਟਾਂ|ਰੌਸ਼ਨੀ] ਲਗਾਓ",
    ],
    "pa-Latn": [
        "ithe [benches|hor bins|lights|bus shelter] sab layi [changi|vadiya] hovegi",
        "meri [maa|bhain|massi] [home care|care home|hospital] vich kam kardi aa te [minimum wage|bahut ghatt paise] milde ne, eh [bahut pehla hona chahida si|changa faisla aa]",
        "mere [papa ji|bhra|chacha] [bus chalande ne|taxi chalande ne|airport te kam karde ne] is layi main support karda haan",
        "[bus da kiraya|rent|council tax] bahut [zyada|mehnga] aa, [parivaar|lok] [khane diyan keemtan|bills] ton pareshan ne",
        "[galiyan|{street}] raat nu bahut [hanera|unsafe] hundiyan, [lights|roshni] lagao [plz|shukriya]",
    ],
    "bn": [
        "এখানে [বেঞ্চ|আরও ময়লার বিন|আলো|বাস শেল্টার] সবার জন্য [ভালো|উপকারী] হবে",
        "আমার [মা|বোন|খালা] [হোম কেয়ারে|কেয়ার হোমে|হাসপাতালে] কাজ করেন এবং [ন্যূনতম মজুরি|খুব কম টাকা] পান। এটা [অনেক আগেই হওয়া উচিত ছিল|ভালো সিদ্ধান্ত]",
        "আমার [বাবা|ভাই|চাচা] [বাস চালান|ট্যাক্সি চালান|এয়ারপোর্টে কাজ করেন] তাই আমি এই [প্রস্তাব|পরিকল্পনা] সমর্থন করি",
        "[বাস ভাড়া|বাড়ি ভাড়া|কাউন্সিল ট্যাক্স] খুব [বেশি|দামি], [পরিবারগুলো|মানুষ] [খাবারের দাম|বিল] নিয়ে কষ্টে আছে",
        "আমি এই [প্রস্তাবের|পরিকল্পনার] সাথে একমত নই কারণ [এটা খুব ব্যয়বহুল|যানজট বাড়বে|বাসিন্দাদের জিজ্ঞেস করা হয়নি]",
        "[রাস্তাগুলো|{street}] রাতে খুব [অন্ধকার|অনিরাপদ], [আলো|লাইট] লাগান [ধন্যবাদ|প্লিজ]",
        "বাস [সবসময় দেরি করে|সময়মতো আসে না], বিনা ভাড়ার বাস দিয়ে কী হবে যদি না আসে",
    ],
    "pl": [
        "[przewróciłem się|zraniłem się|skręciłem kostkę] na [zepsutej huśtawce|dziurawym chodniku|zepsutej zjeżdżalni] [w parku|na {street}], proszę to naprawić",
        "[ławki|więcej koszy|lepsze oświetlenie|wiata przystankowa] [byłyby dobre|przydałyby się] dla wszystkich [tutaj|w {area}|na {street}]",
        "moja [mama|siostra|ciocia] pracuje w [opiece domowej|domu opieki|szpitalu] przez agencję i dostaje [płacę minimalną|bardzo mało] za bardzo długie dni. [To powinno było się stać lata temu|Popieram to]",
        "mój [tata|brat|wujek] [jeździ autobusem miejskim jako kierowca|jest taksówkarzem|pracuje na lotnisku], więc [popieram ten projekt|wiem jak to ciężko]",
        "[nie stać mnie na bilet autobusowy|bilety są za drogie|czynsze są za wysokie], [rodziny|ludzie] mają problem z [cenami jedzenia|rachunkami]",
        "nie zgadzam się z tym [projektem|planem], bo [to za drogie|korki się zwiększą|nikt nie pytał mieszkańców]",
        "wolałbym, żeby pieniądze poszły na [punktualne autobusy|naprawę dróg|klub młodzieżowy]. Darmowy autobus nic nie da, jeśli nie przyjeżdża",
        "[ulice|ścieżka w parku|{street}] [są|jest] w nocy [za ciemne|niebezpieczne], [prosimy o latarnie|potrzeba więcej światła]",
    ],
    "ro": [
        "[băncile|mai multe coșuri de gunoi|iluminatul|o stație acoperită] ar fi [bune|utile] pentru toată lumea [aici|în {area}]",
        "mama mea lucrează în [îngrijire la domiciliu|un cămin de bătrâni|spital] prin agenție și primește [salariul minim|foarte puțin] pentru zile foarte lungi. [Trebuia făcut de mult|Susțin asta]",
        "[tata|fratele meu|unchiul meu] [conduce autobuzul|e taximetrist|lucrează la aeroport], așa că [susțin propunerea|știu cât de greu e]",
        "[nu-mi permit biletul de autobuz|chiriile sunt prea mari|biletele sunt prea scumpe], [familiile|oamenii] se chinuie cu [prețurile la mâncare|facturile]",
        "nu sunt de acord cu [propunerea|planul] pentru că [costă prea mult|traficul va crește|nu au fost întrebați locuitorii]",
        "[străzile|aleea din parc|{street}] [sunt|e] prea [întunecate|periculoase] noaptea, [vă rog puneți lumini|trebuie iluminat]",
    ],
    "pt": [
        "[bancos|mais caixotes do lixo|melhor iluminação|um abrigo de autocarro] [seriam bons|ajudavam] para todos [aqui|em {area}]",
        "a minha [mãe|irmã|tia] trabalha em [apoio domiciliário|um lar|no hospital] através de uma agência e ganha [o salário mínimo|muito pouco] por dias muito longos. [Isto devia ter acontecido há anos|Apoio isto]",
        "o meu [pai|irmão|tio] [conduz autocarros|é taxista|trabalha no aeroporto], por isso [apoio a proposta|sei como é difícil]",
        "[não consigo pagar o bilhete de autocarro|as rendas estão muito altas|os bilhetes são caros], [as famílias|as pessoas] têm dificuldades com [os preços da comida|as contas]",
        "não concordo com [a proposta|o plano] porque [custa demasiado|vai aumentar o trânsito|ninguém perguntou aos moradores]",
        "[as ruas|o caminho do parque|{street}] [são|é] muito [escuras|perigoso] à noite, [ponham luzes por favor|precisa de iluminação]",
    ],
    "ar": [
        "[المقاعد|المزيد من صناديق القمامة|إضاءة أفضل|مظلة للحافلات] ستكون [جيدة|مفيدة] للجميع [هنا|في {area}]",
        "[أمي|أختي|خالتي] تعمل في [الرعاية المنزلية|دار رعاية|المستشفى] عن طريق وكالة وتحصل على [الحد الأدنى للأجور|أجر قليل] لأيام طويلة جدا. [كان يجب أن يحدث هذا منذ سنوات|أؤيد هذا]",
        "[أبي|أخي|عمي] [يقود الحافلات|سائق تاكسي|يعمل في المطار] لذلك [أؤيد هذا الاقتراح|أعرف كم هو صعب]",
        "[لا أستطيع دفع أجرة الحافلة|الإيجارات مرتفعة جدا|التذاكر غالية]، [العائلات|الناس] تعاني من [أسعار الطعام|الفواتير]",
        "لا أوافق على [هذا الاقتراح|هذه الخطة] لأن [التكلفة عالية|الزحام سيزيد|لم يسألوا السكان]",
        "[الشوارع|طريق الحديقة|{street}] [مظلمة|غير آمنة] في الليل، [نرجو وضع إنارة|نحتاج أضواء]",
    ],
}


def civic_families():
    """(language, family name, template) for ordinary consultation comments, one family each."""
    for lang, items in TEMPLATES.items():
        for i, text in enumerate(items):
            yield lang, f"{lang}/civic/{i}", text
