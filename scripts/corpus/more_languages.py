"""A second pass of phrasings in the other seven languages, for abuse and the risk kinds."""

R, A = "safeguarding_risk", "abuse"

MORE = {
    "pl": {
        (A, "insult"): ["ty idioto jeden", "jesteś żałosny i głupi", "spadaj frajerze", "ale z ciebie kretyn", "jesteś nikim, zamknij mordę"],
        (A, "threat"): ["znajdę cię po szkole i pożałujesz", "uważaj na siebie jak będziesz wracać", "połamię ci nogi"],
        (A, "hate"): ["wypad z naszego kraju", "ci obcokrajowcy niszczą miasto", "nie chcemy tu takich jak wy"],
        (R, "suicidal"): ["mam dość wszystkiego, chcę zniknąć na zawsze", "niedługo nie będę już problemem dla nikogo", "nie ma po co żyć"],
        (R, "grooming"): ["starszy kolega daje mi pieniądze i każe nic nie mówić rodzicom"],
    },
    "ro": {
        (A, "insult"): ["ești un idiot ordinar", "taci, proasto", "ce ratat ești", "ești jalnic", "bă cretinule"],
        (A, "threat"): ["te prind după școală și vezi tu", "ai grijă pe unde umbli", "îți rup picioarele"],
        (A, "hate"): ["străinii ăștia strică orașul", "plecați înapoi în țara voastră", "nu vrem oameni ca voi aici"],
        (R, "suicidal"): ["m-am săturat de tot, vreau să dispar", "în curând nu o să mai fiu o problemă pentru nimeni", "nu mai are rost să trăiesc"],
        (R, "neglect"): ["nu e nimeni acasă de zile întregi și n-avem ce mânca"],
    },
    "pt": {
        (A, "insult"): ["és mesmo burro", "cala a boca idiota", "que otário que tu és", "és patético", "seu imbecil"],
        (A, "threat"): ["apanho-te à saída da escola", "tem cuidado quando fores para casa", "parto-te as pernas"],
        (A, "hate"): ["estes estrangeiros estragam a cidade", "voltem para o vosso país", "não queremos gente como vocês aqui"],
        (R, "suicidal"): ["estou farto de tudo, quero desaparecer", "daqui a pouco já não vou ser problema para ninguém", "não vale a pena viver"],
        (R, "running_away"): ["vou sair de casa e não volto"],
    },
    "ar": {
        (A, "insult"): ["أنت غبي جداً", "يا حيوان اسكت", "أنت فاشل وما تفهم", "يا تافه", "انت ولا شي"],
        (A, "threat"): ["راح أستناك بعد المدرسة", "انتبه على حالك وانت راجع", "راح أكسر رجلك"],
        (A, "hate"): ["هالأجانب خربوا البلد", "ارجعوا على بلادكم", "ما بدنا ناس مثلكم هون"],
        (R, "suicidal"): ["تعبت من كل شي وبدي أختفي", "قريباً ما راح أكون مشكلة لحدا", "ما في فايدة من الحياة"],
        (R, "bullying"): ["كل يوم يضربوني بالمدرسة ويضحكوا علي"],
    },
    "ur": {
        (A, "insult"): ["تم پاگل ہو", "بکواس بند کرو جاہل", "تم جیسا نکما کوئی نہیں"],
        (A, "threat"): ["اسکول کے بعد تمہیں دیکھ لوں گا", "تمہاری ٹانگیں توڑ دوں گا"],
        (A, "hate"): ["یہ باہر سے آئے لوگ شہر خراب کر رہے ہیں"],
        (R, "suicidal"): ["میں سب سے تھک گیا ہوں، بس غائب ہو جانا چاہتا ہوں", "جلد میں کسی کے لیے مسئلہ نہیں رہوں گا"],
    },
    "ur-Latn": {
        (A, "insult"): ["tu pagal hai", "bakwas band kar jahil", "tere jaisa nikamma koi nahi", "kamina insaan hai tu"],
        (A, "threat"): ["school ke baad tujhe dekh lunga", "teri tangein tod dunga", "bach ke rehna warna"],
        (A, "hate"): ["ye bahar se aaye log sheher kharab kar rahe hain"],
        (R, "suicidal"): ["sab se thak gaya hoon bas ghayab ho jana chahta hoon", "jald main kisi ke liye masla nahi rahunga", "zindagi ka koi faida nahi"],
    },
    "bn": {
        (A, "insult"): ["তুই একটা পাগল", "চুপ কর গাধা কোথাকার", "তোর মতো অকর্মা কেউ নেই"],
        (A, "threat"): ["স্কুলের পরে তোকে ধরব", "তোর পা ভেঙে দেব"],
        (A, "hate"): ["এই বাইরের লোকেরা শহর নষ্ট করছে"],
        (R, "suicidal"): ["সব কিছুতে ক্লান্ত, হারিয়ে যেতে চাই", "শীঘ্রই আমি আর কারো সমস্যা হব না"],
    },
    "pa": {
        (A, "insult"): ["ਤੂੰ ਪਾਗਲ ਹੈਂ", "ਬਕਵਾਸ ਬੰਦ ਕਰ ਮੂਰਖਾ", "ਤੇਰੇ ਵਰਗਾ ਨਿਕੰਮਾ ਕੋਈ ਨਹੀਂ"],
        (A, "threat"): ["ਸਕੂਲ ਤੋਂ ਬਾਅਦ ਤੈਨੂੰ ਦੇਖ ਲਵਾਂਗਾ", "ਤੇਰੀਆਂ ਲੱਤਾਂ ਤੋੜ ਦਿਆਂਗਾ"],
        (R, "suicidal"): ["ਸਭ ਤੋਂ ਥੱਕ ਗਿਆ ਹਾਂ, ਬੱਸ ਗਾਇਬ ਹੋਣਾ ਚਾਹੁੰਦਾ ਹਾਂ", "ਜਲਦੀ ਮੈਂ ਕਿਸੇ ਲਈ ਮੁਸੀਬਤ ਨਹੀਂ ਰਹਾਂਗਾ"],
    },
    "pa-Latn": {
        (A, "insult"): ["tu pagal aa", "bakwas band kar murakh", "tere warga nikamma koi nahi"],
        (A, "threat"): ["school ton baad tainu dekh lawanga", "teriyan lattan tod dena"],
        (R, "suicidal"): ["sab ton thak gaya haan bas gayab hona chaunda", "jaldi main kise layi musibat nahi rehna"],
    },
}  # fmt: skip
