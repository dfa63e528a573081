"""Polish, Romanian, Portuguese and Arabic templates."""

R, P, A, H = "safeguarding_risk", "personal_details", "abuse", ""

PL = {
    (R, "suicidal"): [
        "nie chcę już żyć",
        "chcę się poddać, nie ma sensu",
        "niedługo mnie tu nie będzie",
        "nie widzę w niczym sensu",
        "napisałam list pożegnalny do mamy",
        "wszystkim byłoby lepiej beze mnie",
        "chce sie zabic",
        "myślę o tym żeby to wszystko skończyć",
    ],
    (R, "self_harm"): [
        "znowu się pocięłam",
        "chowam ręce żeby nikt nie widział blizn",
        "robię sobie krzywdę kiedy jest źle",
    ],
    (R, "grooming"): [
        "starszy facet kupuje mi prezenty i mówi żebym nie mówiła mamie",
        "gość z internetu chce się spotkać sam na sam i mówi że to nasz sekret",
        "płacą mi za wożenie paczek do innych miast",
        "mój chłopak ma {n} lat a ja {age}",
    ],
    (R, "neglect"): [
        "w domu nie ma jedzenia",
        "opiekuję się mamą i młodszym bratem, nie chodzę do szkoły",
        "zostawiają nas samych na kilka dni",
        "codziennie chodzę głodny do szkoły",
    ],
    (R, "abuse_disclosure"): [
        "tata mnie bije",
        "ojczym mnie krzywdzi i boję się wracać do domu",
        "moja przyjaciółka ma siniaki na rękach, mówi że to mama",
        "rodzice chcą mnie zmusić do ślubu",
    ],
    (R, "bullying"): [
        "w szkole ciągle mnie wyzywają i popychają",
        "zrobili grupę na czacie żeby się ze mnie śmiać",
    ],
    (R, "running_away"): [
        "ucieknę z domu",
        "spakowałam torbę i dziś w nocy wychodzę",
        "śpię u kolegów na kanapie od tygodni",
    ],
    (P, "phone"): ["mój numer to {phone}", "zadzwoń {phone}", "pisz na {phone}"],
    (P, "handle"): ["dodaj mnie na snapie {handle}", "mój insta to {handle}"],
    (P, "school"): ["chodzę do {school}", "jestem w {school}"],
    (P, "full_name"): ["nazywam się {first} {surname}, mam {age} lat i mieszkam w {area}"],
    (A, "threat"): ["wiem gdzie mieszkasz, dopadnę cię", "jeszcze raz to powiesz to ci wpierdolę"],
    (A, "hate"): ["wszyscy imigranci won z Luton", "tacy jak oni nie powinni tu mieszkać"],
    (A, "insult"): ["jesteś debilem", "zamknij się idioto", "ty głupia krowo"],
    (A, "profanity"): ["kurwa znowu nie ma autobusu", "ja pierdolę co za plan", "chuj z tym"],
    (H, "consultation"): [
        "potrzebujemy więcej koszy na śmieci",
        "autobus zawsze się spóźnia",
        "w {area} nie ma nic dla młodzieży",
        "biblioteka powinna być dłużej otwarta",
        "nie mogę się doczekać nowego parku",
        "chcę uciec nad morze na wakacje",
        "przejście przy szkole jest niebezpieczne",
        "świetny pomysł ze skateparkiem",
    ],
}

RO = {
    (R, "suicidal"): [
        "nu mai vreau să trăiesc",
        "vreau să renunț la tot, nu are rost",
        "nu o să mai fiu mult pe aici",
        "nu mai văd rostul la nimic",
        "am scris o scrisoare de adio pentru mama",
        "toți ar fi mai bine fără mine",
        "vreau sa ma omor",
    ],
    (R, "self_harm"): [
        "m-am tăiat din nou",
        "îmi ascund brațele ca să nu vadă nimeni urmele",
        "mă rănesc singură când e prea greu",
        "ma tai pe maini",
    ],
    (R, "grooming"): [
        "un bărbat mai mare îmi cumpără cadouri și zice să nu-i spun mamei",
        "unul de pe internet vrea să ne întâlnim singuri și zice că e secretul nostru",
        "mă plătesc să duc pachete în alte orașe",
    ],
    (R, "neglect"): [
        "nu avem mâncare acasă",
        "am grijă de mama și de frații mei, nu mai merg la școală",
        "ne lasă singuri acasă zile întregi",
    ],
    (R, "abuse_disclosure"): [
        "tata mă bate",
        "părinții vor să mă mărite cu forța",
        "prietena mea are vânătăi pe brațe, zice că mama ei",
    ],
    (R, "bullying"): [
        "la școală mă jignesc și mă împing zilnic",
        "au făcut un grup ca să râdă de mine",
    ],
    (R, "running_away"): ["o să fug de acasă", "mi-am făcut bagajul și plec diseară"],
    (P, "phone"): ["numărul meu e {phone}", "sună-mă la {phone}"],
    (P, "handle"): ["adaugă-mă pe snap {handle}", "insta meu e {handle}"],
    (P, "school"): ["merg la {school}", "sunt în clasa a {year}-a la {school}"],
    (P, "full_name"): ["mă numesc {first} {surname}, am {age} ani și stau în {area}"],
    (A, "threat"): ["știu unde stai, te prind eu", "te omor dacă te mai văd"],
    (A, "hate"): ["toți străinii să plece acasă", "oameni ca ei n-ar trebui lăsați în parc"],
    (A, "insult"): ["ești un prost", "taci din gură idiotule", "ești un ratat"],
    (A, "profanity"): ["pula mea iar nu vine autobuzul", "dute-n pizda mă-tii"],
    (H, "consultation"): [
        "avem nevoie de mai multe coșuri de gunoi",
        "autobuzul întârzie mereu",
        "în {area} nu e nimic pentru tineri",
        "biblioteca ar trebui să fie deschisă mai mult",
        "abia aștept parcul nou",
        "vreau să fug la mare vara asta",
        "autobuzul-ul 27 e mereu plin",
        "parcul-ul {n} e frumos",
        "drumul-ul 4 are gropi",
        "trotuarul de pe {street} e stricat",
    ],
}

PT = {
    (R, "suicidal"): [
        "não quero mais viver",
        "quero desistir de tudo, não vale a pena",
        "não vou estar cá por muito tempo",
        "não vejo sentido em nada",
        "escrevi uma carta de despedida para a minha mãe",
        "todos estariam melhor sem mim",
        "quero me matar",
    ],
    (R, "self_harm"): [
        "me cortei de novo",
        "escondo os braços para ninguém ver as marcas",
        "eu me machuco quando fica difícil",
    ],
    (R, "grooming"): [
        "um homem mais velho me dá presentes e diz para não contar à minha mãe",
        "um cara da internet quer me encontrar sozinha e diz que é segredo nosso",
        "pagam-me para levar pacotes para outras cidades",
    ],
    (R, "neglect"): [
        "não há comida em casa",
        "cuido da minha mãe e dos meus irmãos, não vou à escola",
        "deixam-nos sozinhos em casa vários dias",
    ],
    (R, "abuse_disclosure"): [
        "o meu pai bate-me",
        "os meus pais querem que eu case à força",
        "a minha amiga tem nódoas negras nos braços",
    ],
    (R, "bullying"): [
        "na escola gozam comigo e empurram-me todos os dias",
        "fizeram um grupo para rir de mim",
    ],
    (R, "running_away"): ["vou fugir de casa", "já fiz a mala e vou embora hoje à noite"],
    (P, "phone"): ["o meu número é {phone}", "liga-me para {phone}"],
    (P, "handle"): ["me adiciona no snap {handle}", "meu insta é {handle}"],
    (P, "school"): ["ando na {school}", "estudo na {school}"],
    (P, "full_name"): ["chamo-me {first} {surname}, tenho {age} anos e moro em {area}"],
    (A, "threat"): ["sei onde moras, vou-te apanhar", "se te vejo outra vez mato-te"],
    (A, "hate"): [
        "os imigrantes que voltem para a terra deles",
        "gente como eles não devia estar no parque",
    ],
    (A, "insult"): ["és um idiota", "cala-te burro", "és um otário"],
    (A, "profanity"): ["caralho o autocarro atrasou outra vez", "foda-se que plano"],
    (H, "consultation"): [
        "precisamos de mais caixotes do lixo",
        "o autocarro está sempre atrasado",
        "em {area} não há nada para jovens",
        "a biblioteca devia abrir até mais tarde",
        "mal posso esperar pelo parque novo",
        "quero fugir para a praia nas férias",
        "a passadeira perto da escola é perigosa",
    ],
}

AR = {
    (R, "suicidal"): [
        "ما عدت أريد أن أعيش",
        "أريد أن أستسلم، لا فائدة",
        "لن أكون هنا لفترة طويلة",
        "لا أرى أي معنى لأي شيء",
        "كتبت رسالة وداع لأمي",
        "الجميع سيكونون أفضل بدوني",
        "بدي موت",
    ],
    (R, "self_harm"): ["جرحت نفسي مرة ثانية", "أخبئ ذراعي حتى لا يرى أحد الجروح"],
    (R, "grooming"): [
        "رجل كبير يشتري لي هدايا ويقول لا تخبري أمك",
        "شخص من الانترنت يريد أن يقابلني وحدي ويقول هذا سر بيننا",
        "يدفعون لي لأوصل أغراض إلى مدن ثانية",
    ],
    (R, "neglect"): [
        "ما في أكل في البيت",
        "أعتني بأمي وإخوتي الصغار ولا أذهب للمدرسة",
        "يتركوننا وحدنا أيام",
    ],
    (R, "abuse_disclosure"): [
        "أبي يضربني",
        "أهلي يجبرونني على الزواج",
        "صديقتي عندها كدمات على ذراعيها",
    ],
    (R, "bullying"): ["في المدرسة يتنمرون علي كل يوم", "عملوا مجموعة ليضحكوا علي"],
    (R, "running_away"): ["سأهرب من البيت", "جهزت حقيبتي وسأرحل الليلة"],
    (P, "phone"): ["رقمي {phone}", "اتصل بي على {phone}"],
    (P, "handle"): ["ضيفني سناب {handle}", "حسابي انستا {handle}"],
    (P, "school"): ["أدرس في {school}"],
    (P, "full_name"): ["اسمي {first} {surname}، عمري {age} وأسكن في {area}"],
    (A, "threat"): ["أعرف وين ساكن، راح أجيك", "إذا شفتك مرة ثانية بقتلك"],
    (A, "hate"): ["كل الأجانب لازم يرجعوا لبلادهم", "ناس مثلهم ما لازم يدخلوا الحديقة"],
    (A, "insult"): ["أنت غبي", "اسكت يا حمار", "أنت فاشل"],
    (H, "consultation"): [
        "نحتاج سلال مهملات أكثر",
        "الباص دائماً متأخر",
        "لا يوجد شيء للشباب في {area}",
        "المكتبة لازم تفتح لوقت أطول",
        "متشوق للحديقة الجديدة",
        "بدي أهرب للبحر في العطلة",
        "الطريق قرب المدرسة خطير",
    ],
}

TEMPLATES = {"pl": PL, "ro": RO, "pt": PT, "ar": AR}
