"""Urdu (Arabic script and Latin letters), Bengali and Panjabi (Gurmukhi and Latin) templates."""

R, P, A, H = "safeguarding_risk", "personal_details", "abuse", ""

UR = {
    (R, "suicidal"): [
        "میں اب مزید نہیں جینا چاہتا",
        "میں سب کچھ چھوڑ دینا چاہتی ہوں، کوئی فائدہ نہیں",
        "میں زیادہ دیر تک یہاں نہیں رہوں گا",
        "مجھے کسی چیز کا کوئی مطلب نظر نہیں آتا",
        "میں نے امی کے لیے الوداعی خط لکھ دیا ہے",
        "سب میرے بغیر زیادہ خوش رہیں گے",
        "میں خود کو مار دینا چاہتا ہوں",
        "دل کرتا ہے سو جاؤں اور کبھی نہ اٹھوں",
    ],
    (R, "self_harm"): [
        "میں نے پھر سے اپنے آپ کو کاٹا",
        "میں اپنے بازو چھپاتی ہوں تاکہ کوئی نشان نہ دیکھے",
        "جب بہت برا لگتا ہے تو میں خود کو تکلیف دیتا ہوں",
    ],
    (R, "grooming"): [
        "ایک بڑا آدمی مجھے تحفے دیتا ہے اور کہتا ہے کسی کو نہ بتانا",
        "آن لائن ایک آدمی مجھ سے اکیلے ملنا چاہتا ہے اور کہتا ہے یہ راز ہے",
        "وہ مجھے پیسے دیتے ہیں کہ دوسرے شہر پیکٹ لے جاؤں",
        "میرا بوائے فرینڈ {n} سال کا ہے اور میں {age} کی ہوں",
    ],
    (R, "neglect"): [
        "گھر میں کھانے کو کچھ نہیں ہے",
        "میں اپنی امی اور چھوٹے بھائیوں کا خیال رکھتا ہوں، سکول نہیں جا پاتا",
        "ہمیں کئی دن اکیلے گھر چھوڑ دیا جاتا ہے",
        "میں روز بھوکا سکول جاتا ہوں",
    ],
    (R, "abuse_disclosure"): [
        "میرے ابو مجھے مارتے ہیں",
        "میرے گھر والے زبردستی میری شادی کروا رہے ہیں",
        "وہ مجھے پاکستان لے جا کر شادی کروانا چاہتے ہیں، میں نہیں چاہتی",
        "میری دوست کے بازو پر نیل کے نشان ہیں، اس کی امی مارتی ہیں",
        "مجھے گھر جانے سے ڈر لگتا ہے",
    ],
    (R, "bullying"): [
        "سکول میں لڑکے روز مجھے تنگ کرتے ہیں اور مارتے ہیں",
        "وہ گروپ چیٹ میں میرا مذاق اڑاتے ہیں",
        "میرے حجاب کی وجہ سے مجھے روز چھیڑا جاتا ہے",
    ],
    (R, "running_away"): [
        "میں گھر سے بھاگ جاؤں گا",
        "میں نے بیگ پیک کر لیا ہے، آج رات چلی جاؤں گی",
        "میں دوستوں کے گھر سو رہا ہوں، گھر نہیں جا سکتا",
    ],
    (P, "phone"): ["میرا نمبر {phone} ہے", "مجھے {phone} پر کال کریں", "واٹس ایپ {phone}"],
    (P, "handle"): ["میرا سنیپ {handle} ہے", "مجھے انسٹا پر ایڈ کرو {handle}"],
    (P, "school"): ["میں {school} میں پڑھتا ہوں", "میں {school} سکول جاتی ہوں"],
    (P, "full_name"): [
        "میرا نام {first} {surname} ہے، میں {age} سال کا ہوں اور {area} میں رہتا ہوں"
    ],
    (A, "threat"): [
        "میں تمہیں دیکھ لوں گا، تمہارا گھر پتا ہے",
        "اگلی بار ملے تو تمہیں مار دوں گا",
        "بچ کے رہنا",
    ],
    (A, "hate"): [
        "یہ سب باہر والے ہمارے علاقے کو خراب کر رہے ہیں، واپس بھیجو",
        "ان لوگوں کو پارک میں آنے کی اجازت نہیں ہونی چاہیے",
    ],
    (A, "insult"): ["تم بیوقوف ہو", "چپ کرو گدھے", "تم جیسا جاہل کوئی نہیں", "تم بالکل بے کار ہو"],
    (H, "consultation"): [
        "پارک میں روشنی بہتر کریں",
        "بسیں ہمیشہ دیر سے آتی ہیں",
        "{area} میں نوجوانوں کے لیے کچھ نہیں ہے",
        "لائبریری زیادہ دیر کھلی رہنی چاہیے",
        "کوڑا بہت زیادہ ہے، مزید ڈبے لگائیں",
        "نئے پارک کا بہت انتظار ہے",
        "سکول کے باہر سڑک خطرناک ہے",
        "میں چھٹیوں میں سمندر کنارے جانا چاہتا ہوں",
        "یوتھ کلب بہت اچھا ہے",
        "مزید معلومات {council_link} پر",
    ],
}

UR_LATN = {
    (R, "suicidal"): [
        "main ab aur nahi jeena chahta",
        "sab kuch chhod dena chahti hoon koi faida nahi",
        "main zyada der yahan nahi rahunga",
        "mujhe kisi cheez ka koi matlab nazar nahi aata",
        "maine ammi ke liye alvida khat likh diya",
        "sab mere baghair zyada khush rahenge",
        "dil karta hai mar jaun",
        "main khud ko khatam kar dunga",
        "bas bohat ho gaya, main haar gaya hoon zindagi se",
    ],
    (R, "self_harm"): [
        "maine phir se khud ko kaata",
        "main apne bazu chupati hoon taake koi nishan na dekhe",
        "jab bura lagta hai to main khud ko takleef deta hoon",
    ],
    (R, "grooming"): [
        "ek bara aadmi mujhe gifts deta hai aur kehta hai kisi ko na batana",
        "online ek banda mujhse akele milna chahta hai, kehta hai ye raaz hai",
        "wo mujhe paise dete hain ke doosre shehar packet le jaun",
        "mera boyfriend {n} saal ka hai aur main {age} ki hoon",
    ],
    (R, "neglect"): [
        "ghar mein khane ko kuch nahi hai",
        "main ammi aur chote bhaiyon ka khayal rakhta hoon, school nahi ja pata",
        "humein kai din akela ghar chhod dete hain",
    ],
    (R, "abuse_disclosure"): [
        "mere abbu mujhe maarte hain",
        "ghar wale zabardasti meri shaadi karwa rahe hain",
        "wo mujhe pakistan le ja kar shaadi karwana chahte hain, main nahi chahti",
        "meri dost ke bazu pe neel ke nishan hain",
    ],
    (R, "bullying"): [
        "school mein larke roz mujhe tang karte hain aur maarte hain",
        "wo group chat mein mera mazaak urate hain",
    ],
    (R, "running_away"): [
        "main ghar se bhaag jaunga",
        "bag pack kar liya hai aaj raat chali jaungi",
        "doston ke ghar so raha hoon, ghar nahi ja sakta",
    ],
    (P, "phone"): [
        "mera number {phone} hai",
        "mujhe {phone} pe call karo",
        "whatsapp karo {phone}",
    ],
    (P, "handle"): [
        "mera snap {handle} hai",
        "insta pe add karo {handle}",
        "snap pe {handle} hoon",
    ],
    (P, "school"): ["main {school} mein parhta hoon", "main {school} jati hoon"],
    (P, "full_name"): ["mera naam {first} {surname} hai, {age} saal, {area} mein rehta hoon"],
    (A, "threat"): ["main tujhe dekh lunga, tera ghar pata hai", "agli baar mila to maar dunga"],
    (A, "hate"): ["ye sab bahar wale hamara area kharab kar rahe hain, wapis bhejo"],
    (A, "insult"): ["tum bewakoof ho", "chup kar gadhe", "tu bilkul bekaar hai", "ullu ka patha"],
    (H, "consultation"): [
        "park mein light behtar karo",
        "bus hamesha late aati hai",
        "{area} mein youth ke liye kuch nahi hai",
        "library zyada der khuli rehni chahiye",
        "naye park ka bohat intezar hai",
        "chuttiyon mein seaside jana hai yaar",
        "youth club bohat acha hai",
        "school ke bahar road khatarnak hai",
    ],
}

BN = {
    (R, "suicidal"): [
        "আমি আর বাঁচতে চাই না",
        "আমি সব ছেড়ে দিতে চাই, কোনো লাভ নেই",
        "আমি আর বেশিদিন থাকব না",
        "কোনো কিছুর মানে খুঁজে পাই না",
        "মাকে একটা বিদায়ের চিঠি লিখে রেখেছি",
        "আমি না থাকলে সবাই ভালো থাকবে",
        "নিজেকে শেষ করে দিতে ইচ্ছা করে",
        "ami ar bachte chai na",
    ],
    (R, "self_harm"): [
        "আমি আবার নিজের হাত কেটেছি",
        "আমি হাত লুকিয়ে রাখি যাতে কেউ দাগ না দেখে",
        "খারাপ লাগলে আমি নিজেকে কষ্ট দিই",
    ],
    (R, "grooming"): [
        "একজন বড় লোক আমাকে উপহার দেয় আর বলে কাউকে বলবে না",
        "অনলাইনে একজন আমার সাথে একা দেখা করতে চায়, বলে এটা গোপন",
        "ওরা টাকা দেয় অন্য শহরে প্যাকেট নিয়ে যেতে",
    ],
    (R, "neglect"): [
        "বাড়িতে খাওয়ার কিছু নেই",
        "আমি মা আর ছোট ভাইদের দেখাশোনা করি, স্কুলে যেতে পারি না",
        "আমাদের অনেক দিন একা রেখে যায়",
    ],
    (R, "abuse_disclosure"): [
        "আমার বাবা আমাকে মারে",
        "আমার পরিবার জোর করে আমার বিয়ে দিচ্ছে",
        "আমার বন্ধুর হাতে কালশিটে দাগ, ওর মা মারে",
    ],
    (R, "bullying"): [
        "স্কুলে ছেলেরা রোজ আমাকে জ্বালায় আর মারে",
        "ওরা গ্রুপ চ্যাটে আমাকে নিয়ে হাসাহাসি করে",
    ],
    (R, "running_away"): ["আমি বাড়ি থেকে পালিয়ে যাব", "ব্যাগ গুছিয়ে রেখেছি, আজ রাতে চলে যাব"],
    (P, "phone"): ["আমার নম্বর {phone}", "আমাকে {phone} এ ফোন করো"],
    (P, "handle"): ["আমার স্ন্যাপ {handle}", "ইনস্টাতে অ্যাড করো {handle}"],
    (P, "school"): ["আমি {school} স্কুলে পড়ি"],
    (P, "full_name"): ["আমার নাম {first} {surname}, বয়স {age}, {area} এ থাকি"],
    (A, "threat"): ["তোকে দেখে নেব, তোর বাড়ি চিনি", "আবার দেখা হলে মেরে ফেলব"],
    (A, "hate"): ["এই বিদেশিরা আমাদের এলাকা নষ্ট করছে, ফেরত পাঠাও"],
    (A, "insult"): ["তুই একটা গাধা", "চুপ কর বোকা", "তুই একদম অকেজো"],
    (H, "consultation"): [
        "পার্কে আরও আলো দরকার",
        "বাস সবসময় দেরিতে আসে",
        "{area} এ তরুণদের জন্য কিছু নেই",
        "লাইব্রেরি আরও দেরি পর্যন্ত খোলা রাখুন",
        "নতুন পার্কের জন্য অপেক্ষা করছি",
        "ছুটিতে সমুদ্রের ধারে যেতে চাই",
        "স্কুলের সামনে রাস্তা বিপজ্জনক",
    ],
}

PA = {
    (R, "suicidal"): [
        "ਮੈਂ ਹੁਣ ਹੋਰ ਨਹੀਂ ਜੀਣਾ ਚਾਹੁੰਦਾ",
        "ਮੈਂ ਸਭ ਕੁਝ ਛੱਡ ਦੇਣਾ ਚਾਹੁੰਦੀ ਹਾਂ, ਕੋਈ ਫਾਇਦਾ ਨਹੀਂ",
        "ਮੈਂ ਬਹੁਤੀ ਦੇਰ ਇੱਥੇ ਨਹੀਂ ਰਹਾਂਗਾ",
        "ਮੈਨੂੰ ਕਿਸੇ ਚੀਜ਼ ਦਾ ਕੋਈ ਮਤਲਬ ਨਹੀਂ ਦਿਸਦਾ",
        "ਮੈਂ ਮੰਮੀ ਲਈ ਅਲਵਿਦਾ ਚਿੱਠੀ ਲਿਖ ਦਿੱਤੀ ਹੈ",
        "ਮੇਰੇ ਬਿਨਾਂ ਸਾਰੇ ਖੁਸ਼ ਰਹਿਣਗੇ",
        "ਦਿਲ ਕਰਦਾ ਹੈ ਮਰ ਜਾਵਾਂ",
    ],
    (R, "self_harm"): ["ਮੈਂ ਫਿਰ ਆਪਣੇ ਆਪ ਨੂੰ ਕੱਟਿਆ", "ਮੈਂ ਆਪਣੀਆਂ ਬਾਹਾਂ ਲੁਕਾਉਂਦੀ ਹਾਂ ਤਾਂ ਜੋ ਕੋਈ ਨਿਸ਼ਾਨ ਨਾ ਦੇਖੇ"],
    (R, "grooming"): [
        "ਇੱਕ ਵੱਡਾ ਬੰਦਾ ਮੈਨੂੰ ਤੋਹਫ਼ੇ ਦਿੰਦਾ ਹੈ ਤੇ ਕਹਿੰਦਾ ਕਿਸੇ ਨੂੰ ਨਾ ਦੱਸੀਂ",
        "ਔਨਲਾਈਨ ਇੱਕ ਬੰਦਾ ਮੈਨੂੰ ਇਕੱਲੇ ਮਿਲਣਾ ਚਾਹੁੰਦਾ ਹੈ, ਕਹਿੰਦਾ ਇਹ ਰਾਜ਼ ਹੈ",
    ],
    (R, "neglect"): ["ਘਰ ਵਿੱਚ ਖਾਣ ਨੂੰ ਕੁਝ ਨਹੀਂ", "ਮੈਂ ਮੰਮੀ ਤੇ ਛੋਟੇ ਭਰਾ ਦੀ ਦੇਖਭਾਲ ਕਰਦਾ ਹਾਂ, ਸਕੂਲ ਨਹੀਂ ਜਾ ਸਕਦਾ"],
    (R, "abuse_disclosure"): [
        "ਮੇਰੇ ਪਾਪਾ ਮੈਨੂੰ ਕੁੱਟਦੇ ਹਨ",
        "ਘਰਦੇ ਜ਼ਬਰਦਸਤੀ ਮੇਰਾ ਵਿਆਹ ਕਰ ਰਹੇ ਹਨ",
        "ਮੇਰੀ ਸਹੇਲੀ ਦੀਆਂ ਬਾਹਾਂ ਤੇ ਨੀਲ ਪਏ ਹਨ",
    ],
    (R, "bullying"): ["ਸਕੂਲ ਵਿੱਚ ਮੁੰਡੇ ਰੋਜ਼ ਮੈਨੂੰ ਤੰਗ ਕਰਦੇ ਹਨ", "ਉਹ ਗਰੁੱਪ ਚੈਟ ਵਿੱਚ ਮੇਰਾ ਮਜ਼ਾਕ ਉਡਾਉਂਦੇ ਹਨ"],
    (R, "running_away"): ["ਮੈਂ ਘਰੋਂ ਭੱਜ ਜਾਵਾਂਗਾ", "ਮੈਂ ਬੈਗ ਪੈਕ ਕਰ ਲਿਆ ਹੈ, ਅੱਜ ਰਾਤ ਚਲੀ ਜਾਵਾਂਗੀ"],
    (P, "phone"): ["ਮੇਰਾ ਨੰਬਰ {phone} ਹੈ", "ਮੈਨੂੰ {phone} ਤੇ ਫ਼ੋਨ ਕਰੋ"],
    (P, "handle"): ["ਮੇਰਾ ਸਨੈਪ {handle} ਹੈ", "ਇੰਸਟਾ ਤੇ ਐਡ ਕਰੋ {handle}"],
    (P, "school"): ["ਮੈਂ {school} ਵਿੱਚ ਪੜ੍ਹਦਾ ਹਾਂ"],
    (P, "full_name"): ["ਮੇਰਾ ਨਾਮ {first} {surname} ਹੈ, ਉਮਰ {age}, {area} ਵਿੱਚ ਰਹਿੰਦਾ ਹਾਂ"],
    (A, "threat"): ["ਤੈਨੂੰ ਦੇਖ ਲਵਾਂਗਾ, ਤੇਰਾ ਘਰ ਪਤਾ ਹੈ", "ਅਗਲੀ ਵਾਰ ਮਿਲਿਆ ਤਾਂ ਮਾਰ ਦਿਆਂਗਾ"],
    (A, "hate"): ["ਇਹ ਬਾਹਰਲੇ ਸਾਡਾ ਇਲਾਕਾ ਖਰਾਬ ਕਰ ਰਹੇ ਹਨ, ਵਾਪਸ ਭੇਜੋ"],
    (A, "insult"): ["ਤੂੰ ਮੂਰਖ ਹੈਂ", "ਚੁੱਪ ਕਰ ਗਧੇ", "ਤੂੰ ਬਿਲਕੁਲ ਬੇਕਾਰ ਹੈਂ"],
    (H, "consultation"): [
        "ਪਾਰਕ ਵਿੱਚ ਹੋਰ ਰੋਸ਼ਨੀ ਚਾਹੀਦੀ ਹੈ",
        "ਬੱਸ ਹਮੇਸ਼ਾ ਲੇਟ ਆਉਂਦੀ ਹੈ",
        "{area} ਵਿੱਚ ਨੌਜਵਾਨਾਂ ਲਈ ਕੁਝ ਨਹੀਂ",
        "ਲਾਇਬ੍ਰੇਰੀ ਦੇਰ ਤੱਕ ਖੁੱਲ੍ਹੀ ਰਹੇ",
        "ਨਵੇਂ ਪਾਰਕ ਦੀ ਉਡੀਕ ਹੈ",
        "ਛੁੱਟੀਆਂ ਵਿੱਚ ਸਮੁੰਦਰ ਕਿਨਾਰੇ ਜਾਣਾ ਹੈ",
    ],
}

PA_LATN = {
    (R, "suicidal"): [
        "main hun hor nahi jeena chaunda",
        "sab kuch chadd dena chaundi aa koi faida nahi",
        "main bahuti der ithe nahi rehna",
        "mainu kise cheez da koi matlab nahi disda",
        "mummy layi alvida chitthi likh ditti",
        "mere bina sare khush rehange",
        "dil karda mar jawan",
    ],
    (R, "self_harm"): ["main phir apne aap nu katteya", "main apniyan baahan lukaundi aa"],
    (R, "grooming"): [
        "ik vadda banda mainu gifts dinda te kehnda kise nu na dasi",
        "online ik banda mainu kalle milna chaunda, kehnda eh raaz aa",
    ],
    (R, "neglect"): [
        "ghar ch khaan nu kuch nahi",
        "main mummy te chote bhra di dekhbhal karda, school nahi ja sakda",
    ],
    (R, "abuse_disclosure"): [
        "mere papa mainu kuttde ne",
        "gharde zabardasti mera viah kar rahe ne",
        "meri saheli diyan baahan te neel paye ne",
    ],
    (R, "bullying"): [
        "school ch munde roz mainu tang karde ne",
        "oh group chat ch mera mazaak udaunde ne",
    ],
    (R, "running_away"): ["main gharon bhaj jawanga", "bag pack kar leya aj raat chali jawangi"],
    (P, "phone"): ["mera number {phone} aa", "mainu {phone} te call karo"],
    (P, "handle"): ["mera snap {handle} aa", "insta te add karo {handle}"],
    (P, "school"): ["main {school} ch padhda haan"],
    (P, "full_name"): ["mera naam {first} {surname} aa, umar {age}, {area} ch rehnda"],
    (A, "threat"): ["tainu dekh lawanga, tera ghar pata", "agli vaar milya ta maar dena"],
    (A, "insult"): ["tu murakh aa", "chup kar gadhe", "tu bilkul bekaar aa"],
    (H, "consultation"): [
        "park ch hor light chahidi",
        "bus hamesha late aundi aa",
        "{area} ch youth layi kuch nahi",
        "naveen park di udeek aa",
        "chuttiyan ch seaside jana",
    ],
}

TEMPLATES = {"ur": UR, "ur-Latn": UR_LATN, "bn": BN, "pa": PA, "pa-Latn": PA_LATN}
