"""Written number words -> integer value, for the project's moderation checks.

Written by hand for this project (not generated from a library).  It maps the
words people type for every whole number 0..100, the hundreds 200..900 and
"thousand" (where a language has such words) to their value, in:

  English; Urdu (Arabic script) and Roman Urdu / Hindi (Latin letters);
  Panjabi (Gurmukhi) and Roman Panjabi; Bengali (Bengali script) and common
  Latin spellings; Arabic; Polish; Romanian; Portuguese.

Conventions
  * Latin keys are lower case; look words up with ``word.casefold()``.
  * Non-Latin keys are in NFC; Bengali/Gurmukhi nukta letters are also
    present in their precomposed code points (U+09DF য়, U+0A5E ਫ਼, ...).
    Urdu keys are also present with Arabic-keyboard letters (ي ك ه), Arabic keys
    with/without hamza on alif (أ إ آ -> ا), with ة -> ه and final ى <-> ي.
  * Multi-word numbers use single spaces ("twenty one", "vinte e um",
    "douăzeci și unu", "اثنا عشر"); English also has the hyphenated form.
  * Words that would read as a different number in another listed language,
    or that are common everyday words (English/Polish/Portuguese/Romanian or
    the same language's non-number reading, e.g. Roman Urdu "saath" = "with",
    Polish "ten" = "this"), are NOT in NUMBER_WORDS but in the set AMBIGUOUS.
"""

from __future__ import annotations

import unicodedata

# language -> {word: value}; filled below, merged into NUMBER_WORDS at the end.
_BY_LANGUAGE: dict[str, dict[str, int]] = {}


def _add(lang: str, value: int, *words: str) -> None:
    d = _BY_LANGUAGE.setdefault(lang, {})
    for w in words:
        w = unicodedata.normalize("NFC", " ".join(w.split()))
        if not w:
            continue
        if w in d and d[w] != value:
            # a genuine conflict inside one language: remember both readings
            _CONFLICTS.setdefault(w, set()).update({d[w], value})
        d[w] = value


_CONFLICTS: dict[str, set[int]] = {}


def _table(lang: str, text: str, lower: bool = False) -> None:
    """Parse lines "N: word, word, ..."."""
    for line in text.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        num, _, rest = line.partition(":")
        words = [w.strip() for w in rest.split(",") if w.strip()]
        if lower:
            words = [w.lower() for w in words]
        _add(lang, int(num), *words)


# ---------------------------------------------------------------- English
_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
for _i, _w in enumerate(_EN_ONES):
    _add("en", _i, _w)
_add("en", 0, "oh", "nought", "naught", "nil")
_add("en", 40, "fourty")  # very common misspelling, unambiguous
for _t, _tw in _EN_TENS.items():
    _add("en", _t, _tw)
    for _u in range(1, 10):
        _add("en", _t + _u, f"{_tw} {_EN_ONES[_u]}", f"{_tw}-{_EN_ONES[_u]}")
_add("en", 100, "hundred", "one hundred", "a hundred", "one-hundred")
for _h in range(2, 10):
    _add("en", _h * 100, f"{_EN_ONES[_h]} hundred", f"{_EN_ONES[_h]}-hundred")
_add("en", 1000, "thousand", "one thousand", "a thousand", "one-thousand")

# ------------------------------------------------------ Urdu (Arabic script)
_table(
    "ur",
    """
0: صفر
1: ایک
2: دو
3: تین
4: چار
5: پانچ
6: چھ, چھے, چھہ
7: سات
8: آٹھ
9: نو
10: دس
11: گیارہ
12: بارہ
13: تیرہ
14: چودہ
15: پندرہ
16: سولہ
17: سترہ
18: اٹھارہ
19: انیس
20: بیس
21: اکیس
22: بائیس
23: تئیس, تیئیس
24: چوبیس
25: پچیس
26: چھبیس
27: ستائیس
28: اٹھائیس
29: انتیس
30: تیس
31: اکتیس
32: بتیس, بتّیس
33: تینتیس, تیتیس
34: چونتیس, چوتیس
35: پینتیس
36: چھتیس
37: سینتیس, سنتیس
38: اڑتیس
39: انتالیس
40: چالیس
41: اکتالیس
42: بیالیس
43: تینتالیس, ترتالیس
44: چوالیس, چوّالیس
45: پینتالیس
46: چھیالیس
47: سینتالیس, سنتالیس
48: اڑتالیس
49: انچاس
50: پچاس
51: اکیاون, اکاون
52: باون
53: ترپن, تریپن
54: چون, چوّن
55: پچپن
56: چھپن
57: ستاون
58: اٹھاون
59: انسٹھ
60: ساٹھ
61: اکسٹھ
62: باسٹھ
63: تریسٹھ
64: چونسٹھ
65: پینسٹھ
66: چھیاسٹھ, چھاسٹھ
67: سڑسٹھ
68: اڑسٹھ
69: انہتر
70: ستر
71: اکہتر
72: بہتر
73: تہتر
74: چوہتر
75: پچھتر, پچہتر
76: چھہتر
77: ستتر, ستہتر
78: اٹھتر, اٹھہتر
79: اناسی
80: اسی
81: اکیاسی, اکاسی
82: بیاسی
83: تراسی
84: چوراسی
85: پچاسی
86: چھیاسی
87: ستاسی
88: اٹھاسی
89: نواسی
90: نوے
91: اکانوے, اکیانوے
92: بانوے
93: ترانوے
94: چورانوے
95: پچانوے
96: چھیانوے
97: ستانوے
98: اٹھانوے
99: ننانوے, نناوے
100: سو, ایک سو
200: دو سو
300: تین سو
400: چار سو
500: پانچ سو
600: چھ سو, چھے سو
700: سات سو
800: آٹھ سو
900: نو سو
1000: ہزار, ایک ہزار
""",
)

# --------------------------------------------- Roman Urdu / Hindi (Latin)
_table(
    "ur_latn",
    """
0: sifar, sifr, shunya, shoonya
1: ek, aik
2: do, dou, doh
3: teen, tin
4: chaar, char
5: paanch, panch, paanch
6: chhe, chhah, chhay, chhey, chheh, chhai, chay, chah
7: saat, sat
8: aath, aat, aanth, ath, aatth
9: nau, nou, no, nao
10: das, dus, dass
11: gyarah, gyara, gyaarah, gyaara, giyara, giyarah, gyaraa
12: barah, bara, baarah, baara, baraa
13: terah, tera, tehra, terha, teraa
14: chaudah, chauda, chaudha, chodah, choda, choudah, chaudaa
15: pandrah, pandra, pundrah, pandraa, pandara
16: solah, sola, solha, solaa
17: satrah, satra, sattrah, satraa
18: atharah, athara, atthara, attharah, athaara, athaarah, atharaa
19: unnis, unees, unis, unnees, unnis
20: bees, bis, biss
21: ikkis, ikis, ekkis, ekis, ikkees, ikees
22: bais, baees, baais, baaees
23: teis, teyis, tayis, tayees, teyees, tais
24: chaubis, chaubees, chobees, chobis, choubis
25: pachis, pachees, pacchis, pachchis, pachchees
26: chhabbis, chabbis, chhabees, chabees, chhabbees, chabbees
27: sattais, sattaees, sataees, satais, sattayis, sattaes
28: atthais, athais, athaees, atthaees, athaais, athaes
29: untis, unatis, untees, unatees, untiis
30: tees, tis
31: ikattis, ikattees, iktees, iktis, ekattis, ikatis
32: battis, battees, batis, batees
33: taintis, taintees, tetis, tetees, tentees, tentis, tainthis
34: chauntis, chauntees, chontees, chontis, chautis, chotis, chautees
35: paintis, paintees, pentees, pentis
36: chhattis, chhattees, chattees, chattis
37: saintis, saintees, sentees, sentis, saintiis
38: artis, artees, adtis, adtees, arhtis
39: untalis, untaalis, untalees, untaalees, unchalis
40: chalis, chaalis, chalees, chaalees
41: iktalis, iktaalis, iktalees, iktaalees, ektalis
42: bayalis, bayaalis, byalis, biyalis, bayalees, bayaalees
43: taintalis, taintaalis, tentalis, tentalees, taintalees, tirtalis
44: chavalis, chawalis, chauvalis, chaualis, chavaalis, chawalees, chavalees
45: paintalis, paintaalis, pentalis, pentalees, paintalees
46: chhiyalis, chhiyaalis, chiyalis, chiyalees, chhiyalees, chhiyaalees
47: saintalis, saintaalis, sentalis, sentalees, saintalees
48: artalis, artaalis, adtalis, artalees, adtalees, artaalees
49: unchas, unchaas, unanchas
50: pachas, pachaas, pachaas
51: ikyavan, ikyawan, ikyaavan, ikyaawan, ekyavan, ikavan, ikawan, ikyawn
52: bavan, baavan, bawan, baawan
53: tirpan, tirepan, tirapan, tripan, tirepen
54: chauvan, chauwan, chowan, chauvann
55: pachpan, pachpen
56: chhappan, chappan, chhapan
57: sattavan, sattawan, satawan, satavan, sattaawan
58: athavan, athawan, athaavan, athaawan, atthavan, atthawan, atthaavan
59: unsath, unsaath, unsatth, unsadh
60: saath, sath
61: iksath, iksaath, ikasath, eksath
62: basath, baasath, baasaath
63: tiresath, tirsath, tresath, tirasath, tiresaath
64: chaunsath, chausath, chonsath, chaunsaath
65: painsath, pensath, painsaath
66: chhiyasath, chiyasath, chhiyaasath, chhiyasaath
67: sarsath, sadsath, sarsaath, sadsaath
68: arsath, adsath, arsaath, adsaath
69: unhattar, unhatar, unhattar
70: sattar, satar
71: ikhattar, ikahattar, ikhatar, ikattar
72: bahattar, bahatar, behattar
73: tihattar, tehattar, tihatar
74: chauhattar, chohattar, chauhatar
75: pachhattar, pachattar, pachhatar, pachahattar
76: chhihattar, chhehattar, chihattar, chhiyattar
77: sathattar, satattar, sathatar, satahattar
78: athhattar, athattar, athhatar, athahattar
79: unasi, unnasi, unaasi, unyasi
80: assi, asi, assee
81: ikyasi, ikyaasi, ekyasi, ikasi
82: bayasi, bayaasi, biyasi, byasi
83: tirasi, tiraasi, teraasi
84: chaurasi, chauraasi, chorasi, chauraasi
85: pachasi, pachaasi, pachasee
86: chhiyasi, chiyasi, chhiyaasi
87: sattasi, sattaasi, satasi
88: atthasi, athasi, athaasi, atthaasi
89: navasi, nawasi, navaasi, nawaasi
90: nabbe, nabbay, navve, navvay, nawwe, nawway, nabbey, nabe
91: ikyanve, ikyaanve, ikanve, ikyanway, ikanway, ikyanwe
92: baanve, banve, baanway, banway, baanwe, banwe
93: tiranve, tiraanve, tiranway, tiranwe
94: chauranve, chauraanve, choranway, chauranway, chauranwe
95: pachanve, pachaanve, pachanway, pachanwe
96: chhiyanve, chhiyaanve, chiyanway, chhiyanway, chhiyanwe
97: sattanve, sattaanve, sattanway, sattanwe
98: atthanve, atthaanve, athanway, athanwe, atthanway
99: ninyanve, ninnanve, ninanway, ninnanway, ninyaanve, ninnyanve, nanaanve
100: sau, ek sau, aik sau
200: do sau
300: teen sau, tin sau
400: chaar sau, char sau
500: paanch sau, panch sau
600: chhe sau, chhah sau, chhay sau
700: saat sau
800: aath sau
900: nau sau
1000: hazar, hazaar, hajar, ek hazar, aik hazar, ek hazaar
""",
    lower=True,
)

# ------------------------------------------------------ Panjabi (Gurmukhi)
_table(
    "pa",
    """
0: ਸਿਫ਼ਰ, ਸਿਫਰ, ਸੁੰਨ
1: ਇੱਕ, ਇਕ
2: ਦੋ
3: ਤਿੰਨ
4: ਚਾਰ
5: ਪੰਜ
6: ਛੇ
7: ਸੱਤ, ਸਤ
8: ਅੱਠ, ਅਠ
9: ਨੌਂ, ਨੌ
10: ਦਸ
11: ਗਿਆਰਾਂ, ਗਿਆਰਾ, ਗਯਾਰਾਂ
12: ਬਾਰਾਂ, ਬਾਰਾ
13: ਤੇਰਾਂ
14: ਚੌਦਾਂ, ਚੌਦਾ
15: ਪੰਦਰਾਂ, ਪੰਦਰਾ
16: ਸੋਲਾਂ, ਸੋਲਾ
17: ਸਤਾਰਾਂ, ਸਤਾਰਾ
18: ਅਠਾਰਾਂ, ਅਠਾਰਾ
19: ਉੱਨੀ, ਉਨੀ, ਉੰਨੀ
20: ਵੀਹ
21: ਇੱਕੀ, ਇਕੀ
22: ਬਾਈ
23: ਤੇਈ
24: ਚੌਵੀ
25: ਪੱਚੀ, ਪਚੀ
26: ਛੱਬੀ, ਛਬੀ
27: ਸਤਾਈ
28: ਅਠਾਈ
29: ਉਨੱਤੀ, ਉਣੱਤੀ
30: ਤੀਹ
31: ਇਕੱਤੀ, ਇੱਕਤੀ
32: ਬੱਤੀ
33: ਤੇਤੀ, ਤੇਤੀਹ
34: ਚੌਂਤੀ, ਚੌਤੀ
35: ਪੈਂਤੀ
36: ਛੱਤੀ
37: ਸੈਂਤੀ
38: ਅਠੱਤੀ
39: ਉਨਤਾਲੀ, ਉਣਤਾਲੀ
40: ਚਾਲੀ
41: ਇਕਤਾਲੀ
42: ਬਤਾਲੀ, ਬਿਆਲੀ
43: ਤਰਤਾਲੀ, ਤਿਰਤਾਲੀ
44: ਚੁਤਾਲੀ
45: ਪੰਜਤਾਲੀ
46: ਛਿਆਲੀ
47: ਸੰਤਾਲੀ, ਸੰਤਾਲ਼ੀ
48: ਅਠਤਾਲੀ
49: ਉਨੰਜਾ, ਉਣੰਜਾ
50: ਪੰਜਾਹ
51: ਇਕਵੰਜਾ
52: ਬਵੰਜਾ
53: ਤਰਵੰਜਾ, ਤਿਰਵੰਜਾ
54: ਚਰਵੰਜਾ
55: ਪਚਵੰਜਾ
56: ਛਪੰਜਾ
57: ਸਤਵੰਜਾ
58: ਅਠਵੰਜਾ
59: ਉਨਾਹਠ, ਉਣਾਹਠ
60: ਸੱਠ
61: ਇਕਾਹਠ
62: ਬਾਹਠ
63: ਤਰੇਹਠ, ਤਰੇਠ
64: ਚੌਂਹਠ
65: ਪੈਂਹਠ
66: ਛਿਆਹਠ
67: ਸਤਾਹਠ
68: ਅਠਾਹਠ
69: ਉਨੱਤਰ, ਉਣੱਤਰ
70: ਸੱਤਰ
71: ਇਕੱਤਰ
72: ਬਹੱਤਰ
73: ਤਿਹੱਤਰ
74: ਚੌਹੱਤਰ
75: ਪੰਝੱਤਰ
76: ਛਿਹੱਤਰ
77: ਸਤੱਤਰ
78: ਅਠੱਤਰ
79: ਉਨਾਸੀ, ਉਣਾਸੀ
80: ਅੱਸੀ
81: ਇਕਾਸੀ
82: ਬਿਆਸੀ
83: ਤਰਾਸੀ
84: ਚੁਰਾਸੀ
85: ਪਚਾਸੀ
86: ਛਿਆਸੀ
87: ਸਤਾਸੀ
88: ਅਠਾਸੀ
89: ਉਨਾਨਵੇਂ, ਉਣਾਨਵੇਂ
90: ਨੱਬੇ
91: ਇਕਾਨਵੇਂ
92: ਬਾਨਵੇਂ
93: ਤਰਾਨਵੇਂ
94: ਚੁਰਾਨਵੇਂ
95: ਪਚਾਨਵੇਂ
96: ਛਿਆਨਵੇਂ
97: ਸਤਾਨਵੇਂ
98: ਅਠਾਨਵੇਂ
99: ਨੜਿੰਨਵੇਂ, ਨੜ੍ਹਿੰਨਵੇਂ
100: ਸੌ, ਇੱਕ ਸੌ, ਇਕ ਸੌ
200: ਦੋ ਸੌ
300: ਤਿੰਨ ਸੌ
400: ਚਾਰ ਸੌ
500: ਪੰਜ ਸੌ
600: ਛੇ ਸੌ
700: ਸੱਤ ਸੌ
800: ਅੱਠ ਸੌ
900: ਨੌਂ ਸੌ, ਨੌ ਸੌ
1000: ਹਜ਼ਾਰ, ਹਜਾਰ, ਇੱਕ ਹਜ਼ਾਰ
""",
)

# ------------------------------------------------- Roman Panjabi (Latin)
_table(
    "pa_latn",
    """
0: sifar, sunn
1: ikk, ik, ikko, ek
2: do, doh
3: tinn, tin
4: chaar, char
5: panj, punj, panj
6: chhe, chhey, chhay, che
7: satt, sat, sat
8: athh, atth, ath
9: nau, naun, nou
10: das, dus, dass
11: gyaraan, gyaran, giaran, giaraan
12: baraan, baaraan, baran
13: teraan, tehraan, terhan
14: chaudaan, chaudan, chodan, chaudhan
15: pandraan, pandran
16: solaan, solan, solhan
17: sataraan, sataran, staraan
18: athaaraan, athaaran, athaaraan, athraan
19: unni, unnee, unee
20: veeh, vih, vee
21: ikki, ikkee
22: baai, bai
23: teyi, teii
24: chauvi, chovi, chauvee
25: pachchi, pachi, pacchi
26: chhabbi, chabbi
27: sataai, sattai
28: athaai, athai
29: unatti, unati, unnatti
30: teeh, tih
31: ikatti, ikati
32: batti
33: teti, tetti
34: chaunti, chonti
35: painti, penti
36: chhatti, chatti
37: sainti, senti
38: athatti, athati
39: untaali, untali
40: chaali, chali
41: iktaali, iktali
42: bataali, batali, biaali
43: tartaali, tartali
44: chutaali, chutali
45: panjtaali, panjtali
46: chhiaali, chhiali
47: santaali, santali
48: athtaali, athtali
49: unanja, unnanja
50: panjah, panjaah
51: ikvanja, ikwanja
52: bavanja, bawanja
53: tarvanja, tarwanja
54: charvanja, charwanja
55: pachvanja, pachwanja
56: chhapanja, chapanja
57: satvanja, satwanja
58: athvanja, athwanja
59: unahth, unaahath, unahath
60: satth, sath
61: ikaahth, ikahath, ikahth
62: baahth, bahath, baahath
63: tareahth, tarehath, tarehth
64: chaunhath, chaunhth
65: painhath, painhth
66: chhiaahth, chhiahath
67: sataahth, satahath
68: athaahth, athahath
69: unattar, unatar
70: sattar
71: ikattar
72: bahattar
73: tihattar
74: chauhattar
75: panjhattar, panjattar
76: chhihattar
77: satattar
78: athattar
79: unaasi, unasi
80: assi
81: ikaasi, ikasi
82: biaasi, biasi
83: taraasi, tarasi
84: churaasi, churasi
85: pachaasi, pachasi
86: chhiaasi, chhiasi
87: sataasi, satasi
88: athaasi, athasi
89: unaanve, unanve, unaanven
90: nabbe, nabbey
91: ikaanve, ikanve, ikaanven
92: baanve, baanven
93: taraanve, taranve, taraanven
94: churaanve, churanve, churaanven
95: pachaanve, pachanve, pachaanven
96: chhiaanve, chhianve, chhiaanven
97: sataanve, satanve, sataanven
98: athaanve, athanve, athaanven
99: narhinve, nadinve, narinve, narhinven
100: sau, ikk sau, ik sau
200: do sau
300: tinn sau
400: chaar sau, char sau
500: panj sau
600: chhe sau
700: satt sau
800: athh sau, atth sau
900: nau sau, naun sau
1000: hazaar, hazar, hajaar, ikk hazaar
""",
    lower=True,
)

# ------------------------------------------------------ Bengali (script)
_table(
    "bn",
    """
0: শূন্য, শুন্য
1: এক
2: দুই, দু
3: তিন
4: চার
5: পাঁচ, পাচ
6: ছয়, ছয়, ছ
7: সাত
8: আট
9: নয়, নয়
10: দশ
11: এগারো, এগার
12: বারো, বার
13: তেরো, তের
14: চোদ্দ, চৌদ্দ
15: পনেরো, পনের
16: ষোলো, ষোল
17: সতেরো, সতের
18: আঠারো, আঠার
19: উনিশ, ঊনিশ
20: বিশ, কুড়ি
21: একুশ
22: বাইশ
23: তেইশ
24: চব্বিশ
25: পঁচিশ
26: ছাব্বিশ
27: সাতাশ
28: আঠাশ, আটাশ
29: ঊনত্রিশ, উনত্রিশ
30: ত্রিশ, তিরিশ
31: একত্রিশ
32: বত্রিশ
33: তেত্রিশ
34: চৌত্রিশ, চোত্রিশ
35: পঁয়ত্রিশ
36: ছত্রিশ
37: সাঁইত্রিশ
38: আটত্রিশ
39: ঊনচল্লিশ, উনচল্লিশ
40: চল্লিশ
41: একচল্লিশ
42: বিয়াল্লিশ, বেয়াল্লিশ
43: তেতাল্লিশ
44: চুয়াল্লিশ
45: পঁয়তাল্লিশ
46: ছেচল্লিশ
47: সাতচল্লিশ
48: আটচল্লিশ
49: ঊনপঞ্চাশ, উনপঞ্চাশ
50: পঞ্চাশ
51: একান্ন
52: বাহান্ন, বায়ান্ন
53: তিপ্পান্ন, তেপ্পান্ন
54: চুয়ান্ন
55: পঞ্চান্ন
56: ছাপ্পান্ন
57: সাতান্ন
58: আটান্ন
59: ঊনষাট, উনষাট
60: ষাট
61: একষট্টি
62: বাষট্টি
63: তেষট্টি
64: চৌষট্টি
65: পঁয়ষট্টি
66: ছেষট্টি
67: সাতষট্টি
68: আটষট্টি
69: ঊনসত্তর, উনসত্তর
70: সত্তর
71: একাত্তর
72: বাহাত্তর
73: তিয়াত্তর
74: চুয়াত্তর
75: পঁচাত্তর
76: ছিয়াত্তর
77: সাতাত্তর
78: আটাত্তর
79: ঊনআশি, উনআশি, ঊনাশি, উনাশি
80: আশি
81: একাশি
82: বিরাশি
83: তিরাশি
84: চুরাশি
85: পঁচাশি
86: ছিয়াশি
87: সাতাশি
88: অষ্টাশি, আটাশি
89: ঊননব্বই, উননব্বই
90: নব্বই
91: একানব্বই
92: বিরানব্বই
93: তিরানব্বই
94: চুরানব্বই
95: পঁচানব্বই
96: ছিয়ানব্বই
97: সাতানব্বই
98: আটানব্বই
99: নিরানব্বই
100: একশো, একশ, একশত, এক শো, এক শত, শত
200: দুশো, দুশ, দুইশো, দুইশ, দুইশত, দুশত
300: তিনশো, তিনশ, তিনশত
400: চারশো, চারশ, চারশত
500: পাঁচশো, পাঁচশ, পাঁচশত
600: ছশো, ছয়শো, ছয়শ, ছয়শত
700: সাতশো, সাতশ, সাতশত
800: আটশো, আটশ, আটশত
900: নশো, নয়শো, নয়শ, নয়শত
1000: হাজার, এক হাজার
""",
)

# ----------------------------------------------- Bengali (Latin spellings)
_table(
    "bn_latn",
    """
0: shunno, shunyo, shunya, sunno
1: ek, aek
2: dui
3: tin, teen
4: char, chaar
5: panch, pach, paanch
6: chhoy, choy, chhoe
7: saat, shaat, sat, shat
8: aat, aath, at
9: noy, noi
10: dosh, dos, dosho
11: egaro, egharo, egaroh
12: baro, baaro
13: tero
14: choddo, chouddo, chowddo
15: ponero, ponoro
16: sholo, sholoh, solo
17: shotero, sotero, shatero
18: atharo, aatharo
19: unish, unis
20: bish, kuri
21: ekush
22: baish
23: teish
24: chobbish
25: pochish, ponchish
26: chhabbish, chabbish
27: satash, shatash
28: athash, aathash, atash
29: unotrish, untrish, unatrish
30: trish, tirish, tiris
31: ekotrish, ektrish, ekatrish
32: botrish, batrish
33: tetrish
34: choutrish, chowtrish
35: poitrish, pointrish, poyotrish
36: chhotrish, chhatrish
37: saitrish, shaitrish, saintrish
38: aattrish, attrish, atotrish
39: unochollish, unchollish
40: chollish
41: ekchollish
42: biyallish, beyallish
43: tetallish
44: chuyallish, chuallish
45: poytallish, poitallish
46: chhechollish, chechollish
47: satchollish
48: atchollish
49: unoponchash, unponchash
50: ponchash
51: ekanno
52: bahanno, bayanno
53: tippanno, teppanno
54: chuanno, chuyanno
55: ponchanno
56: chhappanno, chappanno
57: satanno
58: atanno
59: unoshat, unshat, unashat
60: shaat, shat
61: ekshotti, eksotti
62: bashotti
63: teshotti
64: choushotti, chowshotti
65: poyshotti, poishotti
66: chheshotti
67: satshotti
68: atshotti
69: unoshottor, unshottor
70: shottor, sottor
71: ekattor, ekattur
72: bahattor
73: tiyattor, tiattor
74: chuyattor, chuattor
75: pochattor, ponchattor
76: chhiyattor, chiyattor
77: satattor
78: atattor
79: unoashi, unashi
80: ashi
81: ekashi
82: birashi
83: tirashi
84: churashi
85: pochashi
86: chhiyashi
87: satashi
88: oshtashi, atashi
89: unonobboi, unnobboi
90: nobboi, nobbui
91: ekanobboi
92: biranobboi
93: tiranobboi
94: churanobboi
95: pochanobboi
96: chhiyanobboi
97: satanobboi
98: atanobboi
99: niranobboi
100: eksho, ekshoto, ek sho, ek shoto, ekshow
200: dusho, dui sho, duisho
300: tinsho, tin sho
400: charsho, char sho
500: pachsho, panchsho, pach sho
600: chhoysho, choysho
700: satsho, sat sho
800: atsho, at sho
900: nosho, noysho
1000: hajar, ek hajar
""",
    lower=True,
)

# ----------------------------------------------------------------- Arabic
_AR_UNITS = {
    1: ["واحد", "واحدة"],
    2: ["اثنان", "اثنين", "اثنتان", "اثنتين", "إثنان", "إثنين", "اتنين"],
    3: ["ثلاثة", "ثلاث", "تلاتة"],
    4: ["أربعة", "أربع"],
    5: ["خمسة", "خمس"],
    6: ["ستة", "ست"],
    7: ["سبعة", "سبع"],
    8: ["ثمانية", "ثماني", "ثمان", "تمانية"],
    9: ["تسعة", "تسع"],
}
_AR_TENS = {
    20: ["عشرون", "عشرين"],
    30: ["ثلاثون", "ثلاثين"],
    40: ["أربعون", "أربعين"],
    50: ["خمسون", "خمسين"],
    60: ["ستون", "ستين"],
    70: ["سبعون", "سبعين"],
    80: ["ثمانون", "ثمانين"],
    90: ["تسعون", "تسعين"],
}
_add("ar", 0, "صفر")
for _u, _ws in _AR_UNITS.items():
    _add("ar", _u, *_ws)
_add("ar", 10, "عشرة", "عشر")
_add("ar", 11, "أحد عشر", "إحدى عشرة", "إحدى عشر", "أحدعشر")
_add(
    "ar",
    12,
    "اثنا عشر",
    "اثني عشر",
    "اثنتا عشرة",
    "اثنتي عشرة",
    "إثنا عشر",
    "إثني عشر",
    "اثنا عشرة",
    "اثني عشرة",
    "اثنى عشر",
)
for _u in range(3, 10):
    for _w in _AR_UNITS[_u]:
        _add("ar", 10 + _u, f"{_w} عشر", f"{_w} عشرة")
for _t, _tws in _AR_TENS.items():
    _add("ar", _t, *_tws)
    for _u in range(1, 10):
        _units = list(_AR_UNITS[_u]) + (["إحدى"] if _u == 1 else [])
        for _uw in _units:
            for _tw in _tws:
                _add("ar", _t + _u, f"{_uw} و{_tw}", f"{_uw} و {_tw}")
_add("ar", 100, "مئة", "مائة", "مية", "مائه", "مئه")
_add("ar", 200, "مئتان", "مئتين", "مائتان", "مائتين", "ميتين")
for _h, _hw in {
    3: ["ثلاث"],
    4: ["أربع"],
    5: ["خمس"],
    6: ["ست"],
    7: ["سبع"],
    8: ["ثمان", "ثماني"],
    9: ["تسع"],
}.items():
    for _w in _hw:
        for _m in ("مئة", "مائة"):
            _add("ar", _h * 100, f"{_w}{_m}", f"{_w} {_m}")
_add("ar", 1000, "ألف", "الف")

# ----------------------------------------------------------------- Polish
_PL_ONES = [
    "zero",
    "jeden",
    "dwa",
    "trzy",
    "cztery",
    "pięć",
    "sześć",
    "siedem",
    "osiem",
    "dziewięć",
    "dziesięć",
    "jedenaście",
    "dwanaście",
    "trzynaście",
    "czternaście",
    "piętnaście",
    "szesnaście",
    "siedemnaście",
    "osiemnaście",
    "dziewiętnaście",
]
_PL_TENS = {
    20: "dwadzieścia",
    30: "trzydzieści",
    40: "czterdzieści",
    50: "pięćdziesiąt",
    60: "sześćdziesiąt",
    70: "siedemdziesiąt",
    80: "osiemdziesiąt",
    90: "dziewięćdziesiąt",
}
for _i, _w in enumerate(_PL_ONES):
    _add("pl", _i, _w)
_add("pl", 1, "jedna", "jedno")
_add("pl", 2, "dwie")
for _t, _tw in _PL_TENS.items():
    _add("pl", _t, _tw)
    for _u in range(1, 10):
        _add("pl", _t + _u, f"{_tw} {_PL_ONES[_u]}")
        if _u == 2:
            _add("pl", _t + _u, f"{_tw} dwie")
_add("pl", 100, "sto")
for _h, _w in {
    2: "dwieście",
    3: "trzysta",
    4: "czterysta",
    5: "pięćset",
    6: "sześćset",
    7: "siedemset",
    8: "osiemset",
    9: "dziewięćset",
}.items():
    _add("pl", _h * 100, _w)
_add("pl", 1000, "tysiąc", "jeden tysiąc")

# --------------------------------------------------------------- Romanian
_RO_UNITS = {
    1: ["unu", "una"],
    2: ["doi", "două"],
    3: ["trei"],
    4: ["patru"],
    5: ["cinci"],
    6: ["șase"],
    7: ["șapte"],
    8: ["opt"],
    9: ["nouă"],
}
_RO_TENS = {
    20: "douăzeci",
    30: "treizeci",
    40: "patruzeci",
    50: "cincizeci",
    60: "șaizeci",
    70: "șaptezeci",
    80: "optzeci",
    90: "nouăzeci",
}
_add("ro", 0, "zero")
_add("ro", 1, "unu", "una", "un")
for _u in range(2, 10):
    _add("ro", _u, *_RO_UNITS[_u])
_add("ro", 10, "zece")
_table(
    "ro",
    """
11: unsprezece, unșpe
12: doisprezece, douăsprezece, doișpe, douășpe
13: treisprezece, treișpe
14: paisprezece, patrusprezece, paișpe
15: cincisprezece, cinșpe, cincișpe
16: șaisprezece, șaișpe
17: șaptesprezece, șaptișpe, șapteșpe
18: optsprezece, optișpe, optșpe
19: nouăsprezece, nouășpe
""",
)
for _t, _tw in _RO_TENS.items():
    _add("ro", _t, _tw)
    for _u in range(1, 10):
        for _uw in _RO_UNITS[_u]:
            _add("ro", _t + _u, f"{_tw} și {_uw}")
_add("ro", 100, "o sută", "una sută", "sută")
for _h, _w in {
    2: "două",
    3: "trei",
    4: "patru",
    5: "cinci",
    6: "șase",
    7: "șapte",
    8: "opt",
    9: "nouă",
}.items():
    _add("ro", _h * 100, f"{_w} sute")
_add("ro", 1000, "o mie", "una mie")

# ------------------------------------------------------------- Portuguese
_PT_UNITS = {
    1: ["um", "uma"],
    2: ["dois", "duas"],
    3: ["três"],
    4: ["quatro"],
    5: ["cinco"],
    6: ["seis"],
    7: ["sete"],
    8: ["oito"],
    9: ["nove"],
}
_PT_TENS = {
    20: ["vinte"],
    30: ["trinta"],
    40: ["quarenta"],
    50: ["cinquenta", "cinqüenta"],
    60: ["sessenta"],
    70: ["setenta"],
    80: ["oitenta"],
    90: ["noventa"],
}
_add("pt", 0, "zero")
for _u, _ws in _PT_UNITS.items():
    _add("pt", _u, *_ws)
_table(
    "pt",
    """
10: dez
11: onze
12: doze
13: treze
14: catorze, quatorze
15: quinze
16: dezesseis, dezasseis
17: dezessete, dezassete
18: dezoito
19: dezenove, dezanove
""",
)
for _t, _tws in _PT_TENS.items():
    _add("pt", _t, *_tws)
    for _u in range(1, 10):
        for _tw in _tws:
            for _uw in _PT_UNITS[_u]:
                _add("pt", _t + _u, f"{_tw} e {_uw}")
_add("pt", 100, "cem", "cento")
for _h, _w in {
    2: "duzent",
    3: "trezent",
    4: "quatrocent",
    5: "quinhent",
    6: "seiscent",
    7: "setecent",
    8: "oitocent",
    9: "novecent",
}.items():
    _add("pt", _h * 100, _w + "os", _w + "as")
_add("pt", 1000, "mil", "um mil")


# ------------------------------------------------------ spelling variants
def _variants(lang: str, word: str) -> set[str]:
    out = {word}
    if lang == "ro":
        # ș/ş/s, ț/ţ/t each in comma, cedilla, plain; ă/î/â kept or folded
        for s, t in (("ș", "ț"), ("ş", "ţ"), ("s", "t")):
            w = word.replace("ș", s).replace("ț", t)
            out.add(w)
            out.add(w.replace("ă", "a").replace("î", "i").replace("â", "a"))
    elif lang == "pt":
        out.add(word.translate(str.maketrans("êüáéíóúâôãõç", "euaeiouaoaoc")))
    elif lang == "pl":
        out.add(word.translate(str.maketrans("ąęśćźżłóń", "aesczzlon")))
    elif lang == "ar":
        for w in list(out):
            out.add(w.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا"))
        for w in list(out):
            out.add(w.replace("ة", "ه"))
        for w in list(out):
            if "ى" in w:
                out.add(w.replace("ى", "ي"))
    elif lang == "ur":
        for w in list(out):
            out.add(w.replace("ی", "ي").replace("ک", "ك").replace("ہ", "ه"))
            out.add(w.replace("ی", "ي"))
            out.add(w.replace("ک", "ك"))
            out.add(w.replace("ہ", "ه"))
            out.add(w.replace("ی", "ي").replace("ک", "ك").replace("ہ", "ه").replace("ھ", "ه"))
    elif lang in ("bn", "pa"):
        precomposed = {
            "\u09af\u09bc": "\u09df",
            "\u09a1\u09bc": "\u09dc",
            "\u09a2\u09bc": "\u09dd",
            "\u0a2b\u0a3c": "\u0a5e",
            "\u0a1c\u0a3c": "\u0a5b",
            "\u0a16\u0a3c": "\u0a59",
            "\u0a17\u0a3c": "\u0a5a",
            "\u0a38\u0a3c": "\u0a36",
        }
        w = word
        for a, b in precomposed.items():
            w = w.replace(a, b)
        out.add(w)
    return out


for _lang, _d in list(_BY_LANGUAGE.items()):
    for _w, _v in list(_d.items()):
        for _vw in _variants(_lang, _w):
            if _vw not in _d:
                _d[_vw] = _v
            elif _d[_vw] != _v:
                _CONFLICTS.setdefault(_vw, set()).update({_d[_vw], _v})

# Short / everyday Latin words: a number in one listed language but an
# ordinary word in another (or a more common non-number reading in the same
# language).  Kept out of NUMBER_WORDS.
_EVERYDAY = {
    # English words
    "oh",
    "teen",
    "tin",
    "sat",
    "no",
    "do",
    "doh",
    "bees",
    "tees",
    "tis",
    "char",
    "solo",
    "sola",
    "at",
    "che",
    "doze",
    "opt",
    "un",
    "um",
    "dash",
    "mil",
    "bis",
    "dos",
    "das",
    "ten",
    "one",
    # Polish: ten ("this"), one ("they"), do ("to"), piec ("oven")
    "piec",
    # Portuguese / Romanian everyday words
    "nao",
    "dou",
    "sou",
    "nou",
    "noi",
    "sete",
    "sau",
    "mie",
    # same-language non-number readings (Roman Urdu/Hindi/Panjabi/Bengali)
    "saath",
    "sath",
    "bara",
    "tera",
    "chay",
    "chah",
    "dass",
    "asi",
    "vee",
    "chali",
    "batti",
    "bai",
    "noy",
    "dosh",
    "bish",
    "kuri",
    "santali",
}

NUMBER_WORDS: dict[str, int] = {}
AMBIGUOUS: set[str] = set()

_readings: dict[str, set[int]] = {}
for _d in _BY_LANGUAGE.values():
    for _w, _v in _d.items():
        _readings.setdefault(_w, set()).add(_v)
for _w, _vs in _CONFLICTS.items():
    _readings.setdefault(_w, set()).update(_vs)

for _w, _vs in sorted(_readings.items()):
    if len(_vs) > 1 or _w in _EVERYDAY:
        AMBIGUOUS.add(_w)
    else:
        NUMBER_WORDS[_w] = next(iter(_vs))

# Everyday words not produced by any list above are still reported as
# ambiguous only if they are number words somewhere.
AMBIGUOUS &= set(_readings)

for _name in [
    n
    for n in list(globals())
    if n.startswith("_")
    and n
    not in ("_BY_LANGUAGE", "_CONFLICTS", "_EVERYDAY", "_readings", "_add", "_table", "_variants")
    and not n.startswith("__")
]:
    del globals()[_name]
del _name
