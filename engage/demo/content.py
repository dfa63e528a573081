"""Demo content for Engage Luton: priorities, boards, proposals, comments, votes and demo users."""

# Day offsets are relative to the day the demo data is loaded (negative means in the past).
# Votes are synthetic demo totals. Passwords are for local demo accounts only.
# Links to the council's site go to its home page only: deeper pages of a demo may not exist.

PRIORITIES = [
    {
        "slug": "inclusive-economy",
        "title": "Inclusive economy",
        "description": (
            "securing a strong economic recovery from COVID-19, which protects jobs, incomes and "
            "businesses and enables us to build a more inclusive economy"
        ),
        "youth_description": (
            "Helping Luton's shops, businesses and jobs recover after COVID-19, so that everyone "
            "in the town gets a fair chance to earn a good living."
        ),
    },
    {
        "slug": "improving-wellbeing",
        "title": "Improving wellbeing",
        "description": (
            "protecting the most disadvantaged in our town by prioritising services and "
            "interventions that focus on prevention, alleviate the impact of poverty and reduce "
            "health inequalities"
        ),
        "youth_description": (
            "Helping the people who find life hardest, like families with little money, to stay "
            "healthy and get support early, before problems get worse."
        ),
    },
    {
        "slug": "child-friendly-town",
        "title": "Child friendly town",
        "description": (
            "making Luton a child-friendly town, where our children and young people grow up "
            "feeling happy, healthy and secure, with a voice that matters and the opportunities "
            "they need to thrive"
        ),
        "youth_description": (
            "Making Luton a great place to grow up, where children and young people feel happy, "
            "healthy and safe, and adults really listen to what they say."
        ),
    },
    {
        "slug": "net-zero-town",
        "title": "Net zero town",
        "description": (
            "becoming a greener and more sustainable town, to meet our long-term ambition to be "
            "carbon neutral and climate resilient by 2040"
        ),
        "youth_description": (
            "Cutting the pollution that causes climate change, so that by 2040 Luton adds no "
            "extra carbon to the air and is ready for hotter summers and heavier rain."
        ),
    },
    {
        "slug": "empowered-community",
        "title": "Empowered community",
        "description": (
            "a strong and empowered community supporting fairness, equality and local pride and "
            "speaking with a powerful voice"
        ),
        "youth_description": (
            "Making sure everyone in Luton is treated fairly, feels proud of the town and has a "
            "real say in how it is run."
        ),
    },
]

BOARDS = [
    {
        "name": "Inclusive Economy Board",
        "description": (
            "A partnership of the council, local employers, colleges and community organisations. "
            "It leads Luton's recovery from COVID-19 and works to make sure that everyone shares "
            "in the town's growth."
        ),
        "plans": ["Economic Recovery Plan", "Inclusive Economy Strategy"],
        # What the vision document says each plan serves; demo wording, not the council's plans.
        "plan_details": {
            "Economic Recovery Plan": (
                "Part of securing a strong economic recovery from COVID-19, which protects jobs, "
                "incomes and businesses.",
                ["inclusive-economy"],
            ),
            "Inclusive Economy Strategy": (
                "Part of building a more inclusive economy, where everyone can share in the "
                "benefits of economic growth.",
                ["inclusive-economy", "empowered-community"],
            ),
        },
    },
    {
        "name": "Health and Wellbeing Board",
        "description": (
            "A partnership of the council, the NHS, the police, Healthwatch Luton and the "
            "voluntary sector. It works to reduce health inequalities and improve wellbeing "
            "across the town."
        ),
        "plans": ["Health Inequalities Action Plan", "Population and Wellbeing Strategy"],
        "plan_details": {
            "Health Inequalities Action Plan": (
                "Part of protecting the most disadvantaged in the town and reducing health "
                "inequalities.",
                ["improving-wellbeing"],
            ),
            "Population and Wellbeing Strategy": (
                "Part of a better quality of life for residents, so that children and young "
                "people grow up happy, healthy and secure.",
                ["improving-wellbeing", "child-friendly-town"],
            ),
        },
    },
]

PROPOSALS = [
    # ------------------------------------------------------------------ Inclusive economy
    {
        "priority": "inclusive-economy",
        "plan": "Economic Recovery Plan",
        "title": "Shop-front improvement grants for Bury Park and High Town",
        "summary": (
            "We propose grants to help independent shops in Bury Park and High Town repair and "
            "improve their shop fronts, and we want to know how the money should be shared."
        ),
        "youth_summary": (
            "Some shops in Bury Park and High Town look tired. We want to give shop owners money "
            "to fix them up. Should the smallest shops get help first? Tell us what you think."
        ),
        "body": (
            "Bury Park and High Town are home to hundreds of independent businesses, many of them "
            "family-run. Fewer people visited both areas during the pandemic, and numbers have "
            "not fully recovered. Traders have told us that broken shutters, faded signs and "
            "empty units make the streets feel less welcoming, especially in the evening.\n\n"
            "We have £300,000 from the Economic Recovery Plan to improve shop fronts over the "
            "next two years. Each grant would cover up to 70% of the cost of the work, with the "
            "business paying the rest.\n\n"
            "The options we are considering are:\n\n"
            "- grants of up to £5,000, open to any independent business in the two areas, first "
            "come, first served\n"
            "- grants of up to £10,000, targeted at the streets with the most empty units, so "
            "fewer businesses would be helped\n"
            "- a smaller grant open to all, plus a free design service so that whole rows of "
            "shops can be improved together\n\n"
            "Checking applications and overseeing the work would cost about £40,000, which would "
            "come out of the same budget.\n\n"
            "We want to know which option you prefer, what would make you visit these areas more "
            "often, and whether open shutters in the evening, better lighting or more greenery "
            "matter most to you. Read more about "
            "[support for Luton businesses](https://www.luton.gov.uk/)."
        ),
        "who_decides": (
            "The Portfolio Holder for Economic Recovery, advised by the Inclusive Economy Board"
        ),
        "status": "open",
        "opens_days": -39,
        "closes_days": 3,
        "decision_days": 30,
        "documents": [
            (
                "Shop-front grants: draft scheme rules",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "resident",
                "body": (
                    "I help run a family shop on Dunstable Road. Paying 30% is still a lot for "
                    "us after the last few years. Could businesses pay their share in "
                    "instalments?"
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thank you. Paying in instalments is something we can look at, and "
                            "we will include it in our report to the Portfolio Holder."
                        ),
                    },
                ],
            },
            {
                "author": "resident2",
                "body": (
                    "Fixing shop fronts is fine, but the real problem in High Town is litter and "
                    "fly-tipping. New paint won't bring people back if the pavements are filthy."
                ),
                "replies": [],
            },
            {
                "author": "young2",
                "body": (
                    "Better lighting would help the most. Walking past all the shutters at night "
                    "feels a bit sketchy."
                ),
                "replies": [],
            },
            {
                "author": "resident3",
                "body": (
                    "Please don't forget the older traders who have been there for decades. Some "
                    "of them will need help filling in the forms."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 38, "disagree": 9, "unsure": 12},
    },
    {
        "priority": "inclusive-economy",
        "plan": "Inclusive Economy Strategy",
        "title": "Paying the Real Living Wage through council contracts",
        "summary": (
            "We propose that companies that win council contracts for cleaning, catering, "
            "security and care must pay their staff at least the Real Living Wage."
        ),
        "youth_summary": (
            "The council pays companies to do jobs like cleaning and cooking. We think those "
            "companies should pay their workers enough to live on. This would cost the council "
            "more money."
        ),
        "body": (
            "The council spends more than £200 million a year buying goods and services. Many of "
            "the people who clean our buildings, cook school meals and provide home care are "
            "employed by contractors, not by the council, and some are paid only the legal "
            "minimum wage.\n\n"
            "The Real Living Wage is a voluntary rate, set each year by the Living Wage "
            "Foundation, based on what it actually costs to live in the UK. The council already "
            "pays it to its own staff.\n\n"
            "The options we are considering are:\n\n"
            "- require the Real Living Wage in all new contracts for cleaning, catering, security "
            "and care from next April\n"
            "- require it only when each contract comes up for renewal, spreading the cost over "
            "five years\n"
            "- encourage it through the way we score bids, without making it a requirement\n\n"
            "We estimate that the first option would add between £1.8 million and £2.4 million a "
            "year to contract costs, mostly in adult social care. That money would have to come "
            "from savings elsewhere or from council tax.\n\n"
            "We want to know whether you support the idea, which option you prefer, and what you "
            "think we should reduce or stop doing to pay for it. If you work for a council "
            "contractor, we would especially like to hear from you."
        ),
        "who_decides": "Full Council, on the recommendation of the Executive (Cabinet)",
        "status": "open",
        "opens_days": -10,
        "closes_days": 35,
        "decision_days": 80,
        "documents": [
            (
                "Real Living Wage in council contracts: cost estimate",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "resident4",
                "body": (
                    "My mum works in home care through an agency and gets minimum wage for very "
                    "long days. This should have happened years ago."
                ),
                "replies": [],
            },
            {
                "author": "resident2",
                "body": (
                    "Nobody is against fair pay, but £2 million a year is a lot when the roads "
                    "already need work. I'd like to see what would be cut before I agree."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "That's a fair point. The cost estimate is in the documents section, "
                            "and we will publish the savings options before the Executive meets."
                        ),
                    },
                ],
            },
            {
                "author": "resident3",
                "body": (
                    "Option two seems sensible. Rushing it could push small local firms out of "
                    "bidding and leave only the big national companies."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 44, "disagree": 11, "unsure": 17},
    },
    {
        "priority": "inclusive-economy",
        "plan": "Economic Recovery Plan",
        "title": "Weekend market stalls in the Hat District",
        "summary": (
            "We asked whether to run a weekend market in the Hat District to give new traders, "
            "makers and food businesses a low-cost way to start."
        ),
        "youth_summary": (
            "We asked if there should be a market with small stalls in the Hat District at "
            "weekends. It would help people start a small business without spending lots of "
            "money."
        ),
        "body": (
            "The Hat District, the streets near the station where Luton's hat trade once "
            "thrived, has many creative businesses but is quiet at weekends. Some empty plots "
            "and wide pavements could host market stalls.\n\n"
            "A weekend market would give new traders a place to test their ideas for a low fee "
            "before they take on a shop. It could also bring more people into the town centre, "
            "helping the cafés and shops nearby.\n\n"
            "The options we consulted on were:\n\n"
            "- a monthly Saturday market of about 30 stalls, run by the council\n"
            "- a weekly market run by a community interest company, with the council providing "
            "the space\n"
            "- no market, spending the money on events in St George's Square instead\n\n"
            "Setting up the market, including stalls, power points and signs, would cost about "
            "£85,000. Running costs would be about £20,000 a year, partly covered by stall fees "
            "of £15 to £30 a day.\n\n"
            "We asked which option people preferred, what they would like to buy, and whether a "
            "market would bring them into the town centre. We are now reading every response and "
            "will publish a summary before the decision is made."
        ),
        "who_decides": "The Executive (Cabinet) of Luton Borough Council",
        "status": "closed",
        "opens_days": -50,
        "closes_days": -6,
        "decision_days": 21,
        "documents": [],
        "outcome": None,
        "comments": [
            {
                "author": "resident",
                "body": (
                    "A weekly market would be much better than a monthly one. People forget "
                    "about monthly markets."
                ),
                "replies": [],
            },
            {
                "author": "young",
                "body": (
                    "It would be good if there was street food and stalls for young people to "
                    "sell stuff they make, like art or clothes."
                ),
                "replies": [
                    {
                        "author": "resident2",
                        "body": (
                            "Agreed. Keeping a few stalls for young traders at a lower fee "
                            "would be a great idea."
                        ),
                    },
                ],
            },
            {
                "author": "resident3",
                "body": (
                    "Please make sure there are benches and toilets nearby. I would go, but not "
                    "if there is nowhere to sit down."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 41, "disagree": 6, "unsure": 10},
    },
    {
        "priority": "inclusive-economy",
        "plan": "Inclusive Economy Strategy",
        "title": "Free digital skills courses at Marsh Farm and Lewsey libraries",
        "summary": (
            "We asked whether to fund free digital skills courses for adults at Marsh Farm and "
            "Lewsey libraries, to help people apply for jobs and use online services."
        ),
        "youth_summary": (
            "Lots of adults find computers and phones hard to use. We asked if we should run "
            "free classes in two libraries. Most people said yes, so the classes have started."
        ),
        "body": (
            "Many jobs can now only be applied for online, and most council and NHS services "
            "expect people to use a website or an app. Our surveys suggest that a significant "
            "number of adults in Luton lack basic digital skills, and the gap is widest in Marsh "
            "Farm, Lewsey and parts of Northwell.\n\n"
            "We proposed running free courses in libraries, where people already feel "
            "comfortable and can get help in their own language.\n\n"
            "The options we consulted on were:\n\n"
            "- a ten-week evening course in each library, with a tablet loan scheme\n"
            "- short drop-in sessions every week, run by tutors and trained volunteers\n"
            "- funding local community groups to run their own courses\n\n"
            "The budget was £120,000 over two years from the Inclusive Economy Strategy, "
            "covering tutors, up to 60 loan tablets and mobile data for people without "
            "broadband.\n\n"
            "We asked which approach would suit people best, when sessions should run, and which "
            "languages were needed. Read more about "
            "[libraries in Luton](https://www.luton.gov.uk/)."
        ),
        "who_decides": "The Portfolio Holder for Inclusive Economy",
        "status": "decided",
        "opens_days": -160,
        "closes_days": -110,
        "decision_days": -80,
        "documents": [
            (
                "Digital skills courses: consultation report",
                "https://www.luton.gov.uk/",
            ),
            (
                "Decision record: digital skills courses",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": {
            "you_said": (
                "386 people responded and 72% supported free courses. Most preferred weekly "
                "drop-in sessions to a long course, and many asked for help in Urdu, Polish and "
                "Romanian. Evenings and Saturday mornings were the most popular times."
            ),
            "we_did": (
                "Weekly drop-in sessions now run at both libraries on Tuesday evenings and "
                "Saturday mornings, with tutors who speak Urdu, Polish and Romanian. We bought 40 "
                "loan tablets rather than 60. 173 people have come to at least one session so far."
            ),
            "why": (
                "We chose drop-in sessions because most people asked for them and they suit "
                "people who cannot commit to ten weeks. We bought fewer tablets so that we could "
                "pay for language support, which people told us mattered more."
            ),
        },
        "comments": [
            {
                "author": "resident3",
                "body": (
                    "I would go to this. My grandchildren set up my phone, but I still don't "
                    "know how to book a doctor's appointment on it."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thank you. Booking GP appointments online will be one of the first "
                            "topics the tutors cover."
                        ),
                    },
                ],
            },
            {
                "author": "resident",
                "body": (
                    "Drop-in sessions are much better for parents. I can't commit to ten weeks "
                    "in a row with childcare to sort out."
                ),
                "replies": [],
            },
            {
                "author": "young2",
                "body": (
                    "Could young people volunteer to help? Loads of us are good with tech and it "
                    "would look good on college applications."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Yes. Volunteers aged 16 and over can help, with training and "
                            "supervision. We'll post the details on this page."
                        ),
                    },
                ],
            },
        ],
        "votes": {"agree": 52, "disagree": 4, "unsure": 7},
    },
    # ------------------------------------------------------------------ Improving wellbeing
    {
        "priority": "improving-wellbeing",
        "plan": "Health Inequalities Action Plan",
        "title": "Warm spaces in libraries this winter",
        "summary": (
            "We propose opening libraries and community venues as free warm spaces this winter, "
            "with hot drinks, Wi-Fi and advice on energy bills."
        ),
        "youth_summary": (
            "Some families cannot afford to heat their homes. We want to open libraries as warm "
            "places where anyone can go for free. There would be hot drinks, Wi-Fi and help with "
            "bills."
        ),
        "body": (
            "High energy prices mean that many households in Luton are choosing between heating "
            "and eating. Cold homes make asthma, heart disease and depression worse, and they "
            "hit older people, disabled people and young children hardest.\n\n"
            "Last winter, 14 venues offered warm spaces and recorded more than 9,000 visits. "
            "People told us they valued the company as much as the warmth.\n\n"
            "The options we are considering are:\n\n"
            "- open all libraries as warm spaces during normal hours, with hot drinks and free "
            "Wi-Fi\n"
            "- as above, plus late opening until 8pm two evenings a week at Marsh Farm, Leagrave "
            "and Stopsley\n"
            "- give grants and training to community groups, faith groups and cafés to run warm "
            "spaces in their own buildings\n\n"
            "Each option would include drop-in advice on energy bills, benefits and debt. The "
            "cost ranges from about £60,000 for the first option to £145,000 for the third.\n\n"
            "We want to know which option you prefer, what times would suit you, and what would "
            "make you feel welcome. Nobody would have to give a reason for using a warm space. "
            "Find [help with the cost of living](https://www.luton.gov.uk/)."
        ),
        "who_decides": (
            "The Portfolio Holder for Public Health, advised by the Health and Wellbeing Board"
        ),
        "status": "open",
        "opens_days": -14,
        "closes_days": 21,
        "decision_days": 35,
        "documents": [
            (
                "Warm spaces last winter: what we learned",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "resident3",
                "body": (
                    "Last year I went to the one at the library every week. It wasn't just warm, "
                    "it was somewhere to talk to people. Please keep it going."
                ),
                "replies": [],
            },
            {
                "author": "resident2",
                "body": (
                    "Option three is best. People who won't set foot in a council building will "
                    "go to their mosque, church or local café."
                ),
                "replies": [
                    {
                        "author": "resident",
                        "body": (
                            "I agree, but not everyone belongs to a faith group, so libraries "
                            "still need to be part of it."
                        ),
                    },
                ],
            },
            {
                "author": "young",
                "body": (
                    "Can there be a quiet bit for doing homework? It gets really cold at home in "
                    "winter and the library is the only warm place to work."
                ),
                "replies": [],
            },
            {
                "author": "resident4",
                "body": (
                    "This is needed, but it's a sticking plaster. The council should also go "
                    "after landlords whose flats are damp and impossible to heat."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "You're right that warm spaces are only part of the answer. Our "
                            "private housing team can inspect homes that are damp or cold, and "
                            "you can report a problem on our housing pages."
                        ),
                    },
                ],
            },
        ],
        "votes": {"agree": 57, "disagree": 3, "unsure": 5},
    },
    {
        "priority": "improving-wellbeing",
        "plan": "Population and Wellbeing Strategy",
        "title": "Smoke-free and vape-free zones outside school gates and playgrounds",
        "summary": (
            "We propose asking people not to smoke or vape outside school gates and in "
            "children's play areas, backed by signs designed by local children."
        ),
        "youth_summary": (
            "We want to ask people not to smoke or vape near school gates and playgrounds. This "
            "would stop children breathing in smoke and copying adults. Do you think it's a good "
            "idea?"
        ),
        "body": (
            "Smoking is still one of the biggest causes of early death that could be prevented, "
            "and smoking rates in parts of Luton are higher than the England average. The number "
            "of young people trying vapes has also risen quickly in recent years.\n\n"
            "Children who see adults smoking and vaping around them are more likely to start "
            "themselves. Many towns have created voluntary smoke-free zones, and most people "
            "respect them once the signs are up.\n\n"
            "The options we are considering are:\n\n"
            "- voluntary smoke-free and vape-free zones at all school gates and council play "
            "areas, with signs designed by local children\n"
            "- the same, plus the entrances to council buildings, leisure centres and the bus "
            "station\n"
            "- a formal ban in play areas using a Public Spaces Protection Order, which would "
            "allow fines of up to £100\n\n"
            "Voluntary zones would cost about £25,000 for signs and publicity. A formal order "
            "would cost around £70,000 in the first year, including a further legal consultation "
            "and enforcement.\n\n"
            "We want to know whether you support smoke-free zones, whether they should include "
            "vaping, and whether you think fines are fair or go too far."
        ),
        "who_decides": "The Executive (Cabinet) of Luton Borough Council",
        "status": "open",
        "opens_days": -5,
        "closes_days": 48,
        "decision_days": 90,
        "documents": [],
        "outcome": None,
        "comments": [
            {
                "author": "young2",
                "body": (
                    "Vaping is everywhere at the bus stops after school. Signs won't stop it on "
                    "their own though. The shops selling vapes to under 18s are the real problem."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thanks for raising this. Trading Standards carries out test "
                            "purchases at shops, and anyone can report a shop selling vapes to "
                            "under-18s without giving their name."
                        ),
                    },
                ],
            },
            {
                "author": "resident2",
                "body": (
                    "Voluntary zones, yes. Fines, no. It's one more thing for people to get "
                    "stung for, and who is actually going to enforce it?"
                ),
                "replies": [],
            },
            {
                "author": "resident",
                "body": (
                    "As a parent I'd back option two. The cloud of vape outside the school gate "
                    "every morning is ridiculous."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 46, "disagree": 13, "unsure": 8},
    },
    {
        "priority": "improving-wellbeing",
        "plan": "Health Inequalities Action Plan",
        "title": "Health checks in mosques, gurdwaras, churches and community centres",
        "summary": (
            "We asked whether free NHS Health Checks should be offered in places of worship and "
            "community centres, to reach people who rarely visit their GP."
        ),
        "youth_summary": (
            "A health check can find problems like high blood pressure early. Many adults never "
            "have one. We asked if nurses should do checks at mosques, gurdwaras, churches and "
            "community centres."
        ),
        "body": (
            "The free NHS Health Check is offered to adults aged 40 to 74 every five years. It "
            "spots early signs of heart disease, stroke, diabetes and kidney disease. In Luton, "
            "people in the most deprived areas are the least likely to have the check, even "
            "though they are the most likely to need it. People of South Asian heritage also "
            "tend to develop diabetes and heart disease at a younger age.\n\n"
            "We proposed taking checks to places people already go, with nurses and health "
            "champions who speak community languages.\n\n"
            "The options we consulted on were:\n\n"
            "- a mobile team visiting places of worship and community centres on a rota, "
            "including evenings and weekends\n"
            "- training volunteers from each community as health champions, who help people "
            "book a check at their GP surgery\n"
            "- both, starting in Bury Park, Dallow, Biscot and Marsh Farm\n\n"
            "The mobile team would cost about £180,000 a year and the health champions scheme "
            "about £65,000 a year.\n\n"
            "We asked which option people preferred, where checks should happen, and what would "
            "put people off. We are analysing the responses and will report to the Health and "
            "Wellbeing Board."
        ),
        "who_decides": "The Health and Wellbeing Board",
        "status": "closed",
        "opens_days": -60,
        "closes_days": -4,
        "decision_days": 18,
        "documents": [
            (
                "NHS Health Check in Luton",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "resident2",
                "body": (
                    "My dad had a stroke at 58 and had never had a check. Anything that makes it "
                    "easier is worth doing."
                ),
                "replies": [],
            },
            {
                "author": "resident",
                "body": (
                    "Good idea, but please include women-only sessions. A lot of women I know "
                    "won't go to a mixed session."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thank you. Several people asked for women-only sessions with female "
                            "nurses, and this will be in our report to the Board."
                        ),
                    },
                ],
            },
            {
                "author": "resident3",
                "body": (
                    "I'm not religious and would feel awkward going to a mosque or a church for "
                    "this. Community centres and the Mall should be on the list too."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 49, "disagree": 2, "unsure": 6},
    },
    {
        "priority": "improving-wellbeing",
        "plan": "Population and Wellbeing Strategy",
        "title": "Outdoor gym and marked walking routes at Wigmore Park",
        "summary": (
            "We asked whether to install free outdoor gym equipment and marked walking routes at "
            "Wigmore Park, to help people be more active close to home."
        ),
        "youth_summary": (
            "We asked if we should put free outdoor gym machines and signposted walks in Wigmore "
            "Park. Most people said yes. The walks are open and the gym is being built."
        ),
        "body": (
            "Being active is one of the best ways to stay healthy, but gyms are expensive and "
            "many people do not feel comfortable in them. Wigmore Park is a large green space in "
            "the east of Luton with a children's play area, but it has nothing for adults and "
            "teenagers who want to exercise.\n\n"
            "We proposed making the park a better place to get active for free.\n\n"
            "The options we consulted on were:\n\n"
            "- an outdoor gym with 8 to 10 pieces of equipment, suitable for all ages and "
            "abilities\n"
            "- three marked walking routes of 1, 2 and 3 kilometres, with distance markers and "
            "benches\n"
            "- both, built in stages over two years\n\n"
            "The outdoor gym would cost about £70,000 and the walking routes about £18,000, paid "
            "for from the Population and Wellbeing Strategy and contributions from developers.\n\n"
            "We asked which facilities people would use, who they would use them with, and what "
            "would make the park feel safer, especially in the evening."
        ),
        "who_decides": "The Portfolio Holder for Public Health",
        "status": "decided",
        "opens_days": -200,
        "closes_days": -150,
        "decision_days": -120,
        "documents": [
            (
                "Wigmore Park: consultation report",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": {
            "you_said": (
                "298 people responded. 81% supported the walking routes and 64% supported the "
                "outdoor gym. Many people, especially women and older residents, said the park "
                "felt unsafe after dark, and 40 people asked for equipment that wheelchair users "
                "can use."
            ),
            "we_did": (
                "The three walking routes are open, with new benches. The outdoor gym will be "
                "installed next spring and will include two pieces of equipment that can be used "
                "from a wheelchair. We have added four lights along the main path, but we have "
                "not lit the whole park."
            ),
            "why": (
                "Both ideas had clear support, so we went ahead with both. Lighting the whole "
                "park would cost over £200,000 and disturb wildlife, including bats, so we lit "
                "the busiest path instead. We will review this after a year."
            ),
        },
        "comments": [
            {
                "author": "resident",
                "body": (
                    "Love this. I walk there with the pram most days and there's nowhere to sit."
                ),
                "replies": [],
            },
            {
                "author": "young",
                "body": (
                    "Can you put in a pull-up bar and stuff for teenagers too, not just the "
                    "machines for older people?"
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Good idea. We've asked the supplier to include strength equipment, "
                            "including pull-up bars."
                        ),
                    },
                ],
            },
            {
                "author": "resident3",
                "body": (
                    "The lighting is the main thing for me. I won't walk there in winter after "
                    "four o'clock."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 55, "disagree": 5, "unsure": 4},
    },
    # ------------------------------------------------------------------ Child friendly town
    {
        "priority": "child-friendly-town",
        "plan": None,
        "title": "Wardown Park youth hub",
        "summary": (
            "We propose turning an empty building in Wardown Park into a youth hub with a café, "
            "a study space and activities, shaped and partly run by young people."
        ),
        "youth_summary": (
            "We want to turn an empty building in Wardown Park into a place just for young "
            "people. It could have a café, a quiet place to study and things to do. Tell us what "
            "should be in it."
        ),
        "body": (
            "Young people have told us again and again that there is nowhere in Luton that is "
            "free, safe and just for them. Wardown Park is central, well known and easy to reach "
            "by bus, and one of its older buildings has been empty for several years.\n\n"
            "We propose turning it into a youth hub for 11 to 19 year olds (up to 25 for young "
            "people with additional needs), open after school, in the evenings and in the "
            "holidays. Trained youth workers would be there whenever it is open.\n\n"
            "The options we are considering are:\n\n"
            "- a café and social space, run as a training business so young people can get work "
            "experience\n"
            "- a quiet study space with free Wi-Fi, computers and help with homework and job "
            "applications\n"
            "- an activity space for music, art, gaming and sport, with sessions chosen by young "
            "people\n\n"
            "The building needs about £450,000 of repairs, which would come from a government "
            "grant. Running the hub would cost about £160,000 a year.\n\n"
            "We want to know which of these matter most to you, when the hub should be open, and "
            "what would make you feel safe and welcome there. Luton Youth Council will present "
            "young people's views to the Portfolio Holder before the decision is made."
        ),
        "who_decides": (
            "Luton Youth Council advises; the Portfolio Holder for Children and Young People "
            "decides"
        ),
        "status": "open",
        "opens_days": -18,
        "closes_days": 28,
        "decision_days": 60,
        "documents": [
            (
                "Wardown Park youth hub: building survey summary",
                "https://www.luton.gov.uk/",
            ),
            (
                "Luton Youth Council",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "young",
                "body": (
                    "A quiet place to revise would be amazing. It's impossible at home when "
                    "everyone is in and it's noisy."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thanks for telling us. A quiet study space is one of the most "
                            "popular ideas so far."
                        ),
                    },
                ],
            },
            {
                "author": "young2",
                "body": (
                    "Please make it open late on Fridays and Saturdays. That's when there is "
                    "actually nothing to do."
                ),
                "replies": [],
            },
            {
                "author": "resident2",
                "body": (
                    "£160,000 a year is a lot of money, but it's cheaper than dealing with "
                    "antisocial behaviour. Just make sure it's properly staffed."
                ),
                "replies": [],
            },
            {
                "author": "young3",
                "body": (
                    "Gaming nights would be good. It has to be free though or loads of people "
                    "won't come."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 58, "disagree": 4, "unsure": 9},
    },
    {
        "priority": "child-friendly-town",
        "plan": None,
        "title": "Free bus travel to college for 16 to 18 year olds",
        "summary": (
            "We propose free or cheaper bus travel for 16 to 18 year olds in education or "
            "training, so that the cost of getting there does not stop anyone from studying."
        ),
        "youth_summary": (
            "Getting the bus to college costs a lot. We want to give free bus passes to 16 to 18 "
            "year olds who study or train in Luton. We need to find the money, so we want your "
            "views."
        ),
        "body": (
            "Young people in England must stay in education or training until they are 18, but "
            "most 16 to 18 year olds do not get free travel. Bus fares add up quickly, which is "
            "hard for families on low incomes. Colleges and training providers tell us that "
            "travel costs are one of the reasons young people drop out.\n\n"
            "We propose working with bus companies to offer free weekday travel within Luton to "
            "students aged 16 to 18.\n\n"
            "The options we are considering are:\n\n"
            "- a free pass for all 16 to 18 year olds in education or training who live in "
            "Luton\n"
            "- a free pass only for those from lower-income families, using the same test as "
            "the 16 to 19 Bursary\n"
            "- a half-price pass for everyone in this age group\n\n"
            "A free pass for everyone would cost about £1.2 million a year, the targeted pass "
            "about £400,000 and the half-price pass about £650,000.\n\n"
            "We want to know how much you spend on travel, whether it affects your choice of "
            "college or course, and which option you think is fairest. Luton Young People's "
            "Council will also be asked for its view."
        ),
        "who_decides": (
            "The Executive (Cabinet) of Luton Borough Council, after hearing from Luton Young "
            "People's Council"
        ),
        "status": "open",
        "opens_days": -30,
        "closes_days": 14,
        "decision_days": 45,
        "documents": [
            (
                "Travel support for students aged 16 to 18",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "young2",
                "body": (
                    "I spend about £12 a week on buses. It adds up, especially when you only "
                    "have a weekend job."
                ),
                "replies": [],
            },
            {
                "author": "young",
                "body": (
                    "A pass just for poorer families is fairer, but people get embarrassed if "
                    "everyone can tell. It should look the same as everyone else's."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "That's an important point. If we choose a targeted pass, it will "
                            "look exactly the same as any other pass."
                        ),
                    },
                ],
            },
            {
                "author": "resident2",
                "body": (
                    "Why only within Luton? Plenty of students from here go to college in "
                    "Dunstable, and that journey crosses the boundary."
                ),
                "replies": [],
            },
            {
                "author": "resident3",
                "body": (
                    "I'd rather the money went on making the buses turn up on time. A free bus "
                    "is no good if it doesn't come."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 51, "disagree": 7, "unsure": 11},
    },
    {
        "priority": "child-friendly-town",
        "plan": None,
        "title": "School streets in Farley Hill: closing roads to traffic at drop-off and pick-up",
        "summary": (
            "We asked whether to close the roads outside three primary schools in Farley Hill to "
            "through traffic for 45 minutes at the start and end of the school day."
        ),
        "youth_summary": (
            "Lots of cars outside schools make the air dirty and the roads dangerous. We asked "
            "if roads near three schools in Farley Hill should close to cars at the start and "
            "end of the day."
        ),
        "body": (
            "Roads outside schools are busiest just when children are arriving and leaving. "
            "Parked and idling cars make the air worse, block pavements and make it hard for "
            "children to cross safely. Parents at three primary schools in Farley Hill told us "
            "that traffic was their main worry on the school run.\n\n"
            "A school street is a road that closes to through traffic for a short time at the "
            "start and end of the school day. Residents, blue badge holders and emergency "
            "vehicles can still get through.\n\n"
            "The options we consulted on were:\n\n"
            "- an 18-month trial on the roads outside all three schools, with cameras to enforce "
            "the closures\n"
            "- a trial using removable barriers staffed by school volunteers instead of cameras\n"
            "- no closures, but more parking enforcement and a new pedestrian crossing\n\n"
            "The camera option would cost about £95,000 to set up. The barrier option would cost "
            "about £20,000 but depends on volunteers turning up every day. We would measure air "
            "quality and traffic on nearby streets before and during any trial.\n\n"
            "We asked parents, children, residents and businesses in the area whether they "
            "supported a trial and what worried them. We are now analysing the responses."
        ),
        "who_decides": "The Portfolio Holder for Transport",
        "status": "closed",
        "opens_days": -64,
        "closes_days": -9,
        "decision_days": 12,
        "documents": [
            (
                "School streets: how they work",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "resident",
                "body": (
                    "Yes please. I walk my two to school and there's always someone driving up "
                    "onto the pavement to park."
                ),
                "replies": [],
            },
            {
                "author": "resident3",
                "body": (
                    "I live on one of these roads and I'm worried the traffic will just move to "
                    "the next street. Please check before making anything permanent."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "We will count traffic on the surrounding streets before and during "
                            "any trial, and publish the results."
                        ),
                    },
                ],
            },
            {
                "author": "young3",
                "body": (
                    "Cars go really fast near schools round here. Cameras are better than "
                    "barriers because volunteers wouldn't always turn up."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 39, "disagree": 14, "unsure": 7},
    },
    {
        "priority": "child-friendly-town",
        "plan": None,
        "title": "A new skate and BMX park at Lewsey Park",
        "summary": (
            "We asked young people and residents whether to build a skate park at Lewsey Park, "
            "and what kind of design it should have."
        ),
        "youth_summary": (
            "Young people asked for a skate park in Lewsey. We asked everyone what they thought "
            "and how it should look. It is being built, and young people helped choose the "
            "design."
        ),
        "body": (
            "Luton has few places for skateboarding, scooters and BMX, and for many young "
            "people in the west of the town the nearest one is a long bus ride away. Lewsey Park "
            "has space where a skate park could be built without taking away the playing "
            "fields.\n\n"
            "The idea came from a petition started by young people and presented to Luton Youth "
            "Council.\n\n"
            "The options we consulted on were:\n\n"
            "- a concrete skate park of about 800 square metres, designed with local skaters\n"
            "- a smaller park made of steel ramps, which could be moved later\n"
            "- a pump track for bikes, scooters and skateboards, which suits beginners and "
            "younger children\n\n"
            "A concrete park would cost about £250,000 and last 25 years or more. A steel ramp "
            "park would cost about £90,000 but need replacing much sooner. A pump track would "
            "cost about £120,000. The money would come from contributions by developers and a "
            "bid to Sport England.\n\n"
            "We asked which option people preferred, who would use it, and what would make it "
            "safe and welcoming for girls and younger children as well as experienced riders."
        ),
        "who_decides": (
            "Luton Youth Council advises; the Portfolio Holder for Children and Young People "
            "decides"
        ),
        "status": "decided",
        "opens_days": -260,
        "closes_days": -210,
        "decision_days": -180,
        "documents": [
            (
                "Lewsey Park skate park: what young people told us",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": {
            "you_said": (
                "523 people responded, 301 of them aged under 18. 68% preferred the concrete "
                "skate park, and many asked for an area for beginners. Girls who responded were "
                "much less likely to say they would use it; several said it needed lighting and "
                "should not feel as if it belonged to older boys."
            ),
            "we_did": (
                "We are building a concrete skate park with a separate beginners' area and a "
                "short pump track. A design group of 12 young people chose the final layout with "
                "the designers. It will be lit until 9pm, and youth workers will run girls-only "
                "sessions once a week for the first year."
            ),
            "why": (
                "The concrete park had the clearest support and lasts longest, so it is the best "
                "value over time. The beginners' area and small pump track respond to what "
                "younger children and newer riders asked for. A Sport England grant of £150,000 "
                "made the larger design affordable."
            ),
        },
        "comments": [
            {
                "author": "young",
                "body": (
                    "Concrete is way better than metal ramps. They're really loud and slippery "
                    "when it rains."
                ),
                "replies": [],
            },
            {
                "author": "young2",
                "body": (
                    "Please have girls-only sessions. Loads of girls would skate but don't want "
                    "to when it's full of older lads."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thank you. This came up a lot, and weekly girls-only sessions are "
                            "now part of the plan."
                        ),
                    },
                ],
            },
            {
                "author": "resident2",
                "body": (
                    "I live nearby and I'm worried about noise late at night. What time will the "
                    "lights go off?"
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "The lights will switch off at 9pm. We'll review any noise problems "
                            "with neighbours after six months."
                        ),
                    },
                ],
            },
            {
                "author": "young3",
                "body": "Will there be a water fountain? It gets really hot there in summer.",
                "replies": [],
            },
        ],
        "votes": {"agree": 60, "disagree": 6, "unsure": 5},
    },
    # ------------------------------------------------------------------ Net zero town
    {
        "priority": "net-zero-town",
        "plan": None,
        "title": "Tree planting along Dunstable Road",
        "summary": (
            "We propose planting about 120 street trees along Dunstable Road and nearby streets "
            "in Bury Park, to give shade, clean the air and make the area greener."
        ),
        "youth_summary": (
            "Dunstable Road is busy and has very few trees. We want to plant about 120. Trees "
            "give shade, help clean the air and help with climate change. Should we do it?"
        ),
        "body": (
            "Dunstable Road is one of the busiest streets in Luton, with shops, homes and heavy "
            "traffic. It has very few trees, and parts of Bury Park have some of the lowest tree "
            "cover in the town. Trees cool streets in hot weather, soak up rainwater, trap some "
            "air pollution and make places feel calmer.\n\n"
            "We propose planting about 120 street trees, chosen to cope with heat and drought, "
            "along Dunstable Road and on side streets where the pavements are wide enough.\n\n"
            "The options we are considering are:\n\n"
            "- large trees in pavement pits along the main road, which may mean removing some "
            "parking bays\n"
            "- smaller trees and planters on side streets, keeping all parking\n"
            "- a mix of both, with residents and businesses able to sponsor a tree\n\n"
            "Planting the trees and caring for them for their first three years would cost about "
            "£180,000, mostly from a national tree-planting grant. Each street tree costs around "
            "£1,500 to plant properly.\n\n"
            "We want to know whether you support more trees, whether you would accept losing "
            "some parking, and where you think trees are most needed. If you live or work on "
            "Dunstable Road, please tell us what would help you or worry you. Read about "
            "[climate change in Luton](https://www.luton.gov.uk/)."
        ),
        "who_decides": "The Portfolio Holder for Climate Change and Environment",
        "status": "open",
        "opens_days": -7,
        "closes_days": 42,
        "decision_days": 75,
        "documents": [
            (
                "Dunstable Road trees: draft planting map",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "resident",
                "body": (
                    "Yes! Dunstable Road in summer is like an oven. Trees would make a huge "
                    "difference."
                ),
                "replies": [],
            },
            {
                "author": "resident2",
                "body": (
                    "Shops on Dunstable Road need parking for their customers. Losing bays would "
                    "hurt them. Side streets only, please."
                ),
                "replies": [
                    {
                        "author": "resident4",
                        "body": (
                            "Most people who shop there walk or get the bus, though. The road is "
                            "jammed most of the day anyway."
                        ),
                    },
                ],
            },
            {
                "author": "young3",
                "body": "Can we help plant them? Me and my friends would do it.",
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Yes! We'll hold community planting days and advertise them on this "
                            "page and through Luton Youth Council."
                        ),
                    },
                ],
            },
            {
                "author": "resident3",
                "body": (
                    "Who is going to water them? The ones planted on my road died in the first "
                    "hot summer."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 47, "disagree": 10, "unsure": 9},
    },
    {
        "priority": "net-zero-town",
        "plan": None,
        "title": "Electric vehicle charging points in residential streets in Stopsley",
        "summary": (
            "We are preparing a proposal to install charging points for electric vehicles in "
            "residential streets in Stopsley, where many homes do not have a driveway."
        ),
        "youth_summary": (
            "Electric cars need charging. Many homes in Stopsley have no driveway, so people "
            "cannot charge at home. We are thinking about putting chargers on lamp posts and "
            "streets."
        ),
        "body": (
            "More people are switching to electric cars and vans, and the sale of new petrol and "
            "diesel cars is being phased out. People with a driveway can charge at home, but "
            "many houses in Stopsley and other parts of Luton have only on-street parking.\n\n"
            "We are preparing a proposal to trial public charging points in residential streets, "
            "paid for by the people who use them.\n\n"
            "The options we expect to consult on are:\n\n"
            "- chargers built into existing lamp posts, which are cheap to install but charge "
            "slowly\n"
            "- larger chargers at the kerbside in dedicated bays, which are faster but take up "
            "parking spaces\n"
            "- a small charging hub in a car park near the Stopsley shops, so that no "
            "residential parking is lost\n\n"
            "A trial of 40 lamp-post chargers would cost about £160,000, mostly funded by a "
            "government grant, with a private operator running them.\n\n"
            "This proposal is a draft and is not yet open for comments. We will publish the full "
            "details, including maps of the streets involved, before the consultation opens."
        ),
        "who_decides": "The Portfolio Holder for Climate Change and Environment",
        "status": "draft",
        "opens_days": 14,
        "closes_days": 56,
        "decision_days": 100,
        "documents": [],
        "outcome": None,
        "comments": [],
        "votes": {"agree": 0, "disagree": 0, "unsure": 0},
    },
    {
        "priority": "net-zero-town",
        "plan": None,
        "title": "A safer cycle route from Leagrave to the town centre",
        "summary": (
            "We asked about a protected cycle route from Leagrave station to the town centre, "
            "using quieter streets and separate cycle lanes on the busiest roads."
        ),
        "youth_summary": (
            "Cycling in Luton can feel scary because of the traffic. We asked about a safe bike "
            "route from Leagrave to the town centre, with lanes kept apart from cars."
        ),
        "body": (
            "Many car journeys in Luton are short enough to cycle in under fifteen minutes, and "
            "transport is one of the biggest sources of carbon emissions in the town. People "
            "tell us they would cycle more but feel unsafe on busy roads.\n\n"
            "We proposed a continuous cycle route of about 5 kilometres from Leagrave station to "
            "the town centre, linking with existing cycle paths.\n\n"
            "The options we consulted on were:\n\n"
            "- fully separated cycle lanes on Leagrave Road, which would mean removing some "
            "on-street parking and, in places, a traffic lane\n"
            "- a quieter route through residential streets, with bollards that stop through "
            "traffic but let people walk and cycle through\n"
            "- a combination, using quiet streets where possible and separate lanes only where "
            "there is no alternative\n\n"
            "The cost ranges from £2.1 million for the quiet-streets route to £4.6 million for "
            "fully separated lanes, largely funded by a government active travel grant.\n\n"
            "We asked how people travel now, what would encourage them to cycle, and what "
            "concerns they had about parking and traffic. We are now reviewing the 640 responses "
            "and will publish a summary before the decision is made."
        ),
        "who_decides": "The Executive (Cabinet) of Luton Borough Council",
        "status": "closed",
        "opens_days": -70,
        "closes_days": -12,
        "decision_days": 10,
        "documents": [
            (
                "Leagrave to town centre cycle route: options report",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "resident4",
                "body": (
                    "I cycle through Leagrave to work every day and Leagrave Road is terrifying. "
                    "Paint on the road is not enough. It needs proper kerbs."
                ),
                "replies": [],
            },
            {
                "author": "resident2",
                "body": (
                    "Blocking side streets just pushes traffic onto the main roads and makes "
                    "life harder for people who need their cars. Please listen to the people who "
                    "live there."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thank you. Many responses raised this, and the effect on traffic in "
                            "surrounding roads will be a key part of our analysis."
                        ),
                    },
                ],
            },
            {
                "author": "young2",
                "body": (
                    "I'd cycle to college if it felt safe. At the moment my parents won't let me."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 33, "disagree": 21, "unsure": 8},
    },
    {
        "priority": "net-zero-town",
        "plan": None,
        "title": "Weekly food waste collections",
        "summary": (
            "We asked how a new weekly food waste collection should work, including the type of "
            "bins, how often general rubbish is collected and how to help people in flats take "
            "part."
        ),
        "youth_summary": (
            "Food thrown in the bin gives off gases that harm the planet. We asked how to collect "
            "food waste every week so it can be turned into energy. The new collections start "
            "next spring."
        ),
        "body": (
            "A large share of what goes into a typical general waste bin in Luton is food. When "
            "food rots in landfill it releases methane, a powerful greenhouse gas. Collected "
            "separately, it can be turned into energy and fertiliser instead. New national "
            "rules mean that all councils in England must collect food waste every week.\n\n"
            "We asked residents how the service should work in Luton.\n\n"
            "The options we consulted on were:\n\n"
            "- a small kitchen caddy and an outdoor bin for every house, collected weekly, with "
            "general waste still collected every two weeks\n"
            "- the same, but with general waste collected every three weeks to encourage "
            "recycling and reduce costs\n"
            "- for flats, shared food waste bins at each block, with extra help for managing "
            "agents\n\n"
            "The new service would cost about £1.4 million a year to run, partly covered by "
            "government funding and by lower disposal costs.\n\n"
            "We asked what would help people use the service, what worries they had about "
            "smells and pests, and how we should explain it to households in different "
            "languages."
        ),
        "who_decides": "The Executive (Cabinet) of Luton Borough Council",
        "status": "decided",
        "opens_days": -220,
        "closes_days": -170,
        "decision_days": -140,
        "documents": [
            (
                "Food waste collections: consultation report",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": {
            "you_said": (
                "1,214 people responded. 66% said they would use a food waste caddy. Only 22% "
                "supported collecting general waste every three weeks, and many people in flats "
                "and larger households said their bins were already full. The main worries were "
                "smells, foxes and where to keep another bin."
            ),
            "we_did": (
                "Weekly food waste collections will start next spring for every household, with "
                "caddies, free liners for the first year and lockable outdoor bins. General "
                "waste will stay every two weeks. Information will be sent in English, Urdu, "
                "Polish, Bengali and Romanian, and our team will visit every block of flats "
                "before the service starts."
            ),
            "why": (
                "The law requires us to collect food waste, but how we do it was open. We did "
                "not move general waste to every three weeks because most people opposed it and "
                "larger households would struggle. Lockable bins answer the concerns about "
                "foxes. This means we will save about £200,000 a year less than we planned."
            ),
        },
        "comments": [
            {
                "author": "resident3",
                "body": (
                    "I live on my own and hardly throw any food away. Do I have to have another "
                    "bin?"
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "You don't have to use it, but we hope you will. Even small amounts, "
                            "like tea bags and vegetable peelings, make a difference."
                        ),
                    },
                ],
            },
            {
                "author": "resident2",
                "body": (
                    "Three-weekly bins would be a disaster with the foxes round here. Glad "
                    "people were asked and listened to for once."
                ),
                "replies": [],
            },
            {
                "author": "young",
                "body": (
                    "We learned about this in science. Food waste can be turned into electricity, "
                    "which is actually really cool."
                ),
                "replies": [],
            },
            {
                "author": "resident",
                "body": (
                    "Please send the leaflets in other languages. My mother-in-law only reads Urdu."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 42, "disagree": 12, "unsure": 9},
    },
    # ------------------------------------------------------------------ Empowered community
    {
        "priority": "empowered-community",
        "plan": None,
        "title": "Your area, your choice: letting residents vote on £250,000 of community grants",
        "summary": (
            "We propose letting residents vote on how £250,000 of community grants is spent, "
            "with local groups putting forward projects and residents choosing which ones to "
            "fund."
        ),
        "youth_summary": (
            "We have £250,000 for local projects. We want local people, including young people, "
            "to vote for the projects they like best. How should the voting work?"
        ),
        "body": (
            "Every year the council gives grants to community groups for local projects such as "
            "lunch clubs, sports sessions, clean-ups and festivals. At the moment, council "
            "officers and councillors decide which projects get the money. We want to hand more "
            "of that decision to residents.\n\n"
            "This approach, known as participatory budgeting, is used in many towns and cities. "
            "Local groups pitch their ideas, and residents vote for the ones they want to see.\n\n"
            "The options we are considering are:\n\n"
            "- one town-wide vote on all projects, online and on paper in libraries\n"
            "- separate votes in four areas of the town (north, south, east and west), each with "
            "its own share of the money\n"
            "- area votes plus a separate pot of £50,000 for projects chosen by young people "
            "aged 11 to 19\n\n"
            "The grants total £250,000. Running the votes, including events and paper ballots, "
            "would cost about £30,000 more.\n\n"
            "We want to know which option you prefer, who should be able to vote (for example, "
            "whether people who work or study in Luton should have a say), and the youngest age "
            "at which people should be able to take part. Read more about "
            "[community grants](https://www.luton.gov.uk/)."
        ),
        "who_decides": "The Portfolio Holder for Communities",
        "status": "open",
        "opens_days": -3,
        "closes_days": 56,
        "decision_days": 90,
        "documents": [
            (
                "Community grants: how the scheme works now",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": None,
        "comments": [
            {
                "author": "resident",
                "body": (
                    "I like the area votes. Otherwise the biggest groups with the most members "
                    "will win every time."
                ),
                "replies": [],
            },
            {
                "author": "young2",
                "body": (
                    "A pot for young people would be great. We never get asked about stuff like "
                    "this."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thanks. Luton Youth Council has asked for this too, so it's one of "
                            "the options we're looking at closely."
                        ),
                    },
                ],
            },
            {
                "author": "resident3",
                "body": "How will you stop people voting lots of times online?",
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Everyone would register once to vote, and we would check for "
                            "duplicate votes before announcing the results."
                        ),
                    },
                ],
            },
            {
                "author": "resident4",
                "body": (
                    "Honestly, the council should just fund the groups that already do great "
                    "work instead of making them compete like it's a talent show."
                ),
                "replies": [],
            },
        ],
        "votes": {"agree": 36, "disagree": 8, "unsure": 14},
    },
    {
        "priority": "empowered-community",
        "plan": None,
        "title": "Community management of Hockwell Ring community centre",
        "summary": (
            "We are preparing a proposal to hand the day-to-day running of Hockwell Ring "
            "community centre to a local community organisation."
        ),
        "youth_summary": (
            "A local group might take over running the community centre in Hockwell Ring. They "
            "would decide what happens there. We will ask for your views soon."
        ),
        "body": (
            "Hockwell Ring community centre is used by a playgroup, a lunch club for older "
            "people, faith groups and families holding parties. It is owned and run by the "
            "council, but bookings have fallen and the building needs repairs.\n\n"
            "Some councils have handed community buildings to local organisations, which can "
            "apply for grants that councils cannot and often run the buildings more flexibly. "
            "This is called a community asset transfer.\n\n"
            "The options we expect to consult on are:\n\n"
            "- a 25-year lease to a local community organisation, with a one-off grant of up to "
            "£60,000 for repairs\n"
            "- a shorter five-year management agreement, with the council keeping responsibility "
            "for the building\n"
            "- the council continuing to run the centre, with a plan to increase bookings\n\n"
            "No decision has been made about which organisation might run the centre. Any "
            "transfer would be open to applications from local groups.\n\n"
            "This proposal is a draft and is not yet open for comments. Current users of the "
            "centre will be invited to a meeting before the consultation starts."
        ),
        "who_decides": "The Executive (Cabinet) of Luton Borough Council",
        "status": "draft",
        "opens_days": 21,
        "closes_days": 70,
        "decision_days": 110,
        "documents": [],
        "outcome": None,
        "comments": [],
        "votes": {"agree": 0, "disagree": 0, "unsure": 0},
    },
    {
        "priority": "empowered-community",
        "plan": None,
        "title": "Council letters in Urdu, Polish, Bengali, Romanian and Panjabi",
        "summary": (
            "We asked whether important council letters, such as council tax bills and housing "
            "notices, should include a short summary in the languages most spoken in Luton."
        ),
        "youth_summary": (
            "Some people in Luton find it hard to read English. We asked if important council "
            "letters should have a short part in other languages, like Urdu, Polish, Bengali and "
            "Romanian."
        ),
        "body": (
            "About one resident in five in Luton has a main language other than English. The "
            "largest groups speak Urdu, Polish, Bengali, Romanian and Panjabi, and there are "
            "Portuguese and Arabic-speaking communities too. When people cannot understand a "
            "letter about council tax, benefits or housing, small problems can grow into debt "
            "or even eviction.\n\n"
            "At the moment, people can ask for a translation, but many do not know this or feel "
            "uncomfortable asking.\n\n"
            "The options we consulted on were:\n\n"
            "- a short summary in the five most spoken languages on the back of key letters, "
            "with a phone number for help\n"
            "- a single line in each language explaining how to get the letter translated, with "
            "a free interpreting phone line\n"
            "- full translations on request only, as now, but advertised more widely\n\n"
            "The first option would cost about £55,000 a year and the second about £25,000, "
            "including the interpreting line.\n\n"
            "We asked which option people found most helpful, which letters matter most, and "
            "whether people would prefer help by phone, online or face to face. A summary of the "
            "responses will be published before the decision is made."
        ),
        "who_decides": "The Portfolio Holder for Communities",
        "status": "closed",
        "opens_days": -45,
        "closes_days": -3,
        "decision_days": 25,
        "documents": [],
        "outcome": None,
        "comments": [
            {
                "author": "resident",
                "body": (
                    "The one-line option is enough if the phone line actually gets answered. "
                    "Last time I rang the council I waited 40 minutes."
                ),
                "replies": [],
            },
            {
                "author": "resident3",
                "body": (
                    "I think most things should be in English so people are encouraged to learn "
                    "it. But I agree something is needed for letters about money."
                ),
                "replies": [],
            },
            {
                "author": "resident4",
                "body": (
                    "Please include Portuguese. There's a big Portuguese-speaking community here "
                    "that always gets left out."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Thank you. Several people mentioned Portuguese and Arabic, and we "
                            "will include this in our report."
                        ),
                    },
                ],
            },
        ],
        "votes": {"agree": 31, "disagree": 15, "unsure": 10},
    },
    {
        "priority": "empowered-community",
        "plan": None,
        "title": "Opening Luton Town Hall for community events at weekends",
        "summary": (
            "We asked whether Luton Town Hall should open at weekends for community events, "
            "exhibitions and celebrations, at a low cost for local groups."
        ),
        "youth_summary": (
            "Luton Town Hall is mostly closed at weekends. We asked if community groups should be "
            "able to use it for events and celebrations. Now they can, on two weekends a month."
        ),
        "body": (
            "Luton Town Hall is one of the town's best known buildings, but outside weekday "
            "office hours it is rarely used. Community groups tell us that affordable venues "
            "for events, exhibitions and celebrations are hard to find in the town centre.\n\n"
            "We proposed opening the ground floor rooms and the council chamber for community "
            "use at weekends, at a reduced hire rate for voluntary and community groups.\n\n"
            "The options we consulted on were:\n\n"
            "- open every weekend, with a full-time events coordinator\n"
            "- open one weekend a month, using existing staff\n"
            "- open only for a few town-wide occasions each year, such as Remembrance Sunday, "
            "Eid, Diwali and Christmas\n\n"
            "Opening every weekend would cost about £95,000 a year, partly covered by hire fees. "
            "One weekend a month would cost about £30,000 a year.\n\n"
            "We asked which option people preferred, what events they would like to see, and "
            "whether the proposed hire rate of £40 an hour would make the Town Hall affordable "
            "for their group."
        ),
        "who_decides": "The Portfolio Holder for Communities",
        "status": "decided",
        "opens_days": -300,
        "closes_days": -250,
        "decision_days": -210,
        "documents": [
            (
                "Decision record: community use of Luton Town Hall",
                "https://www.luton.gov.uk/",
            ),
        ],
        "outcome": {
            "you_said": (
                "412 people responded and 61% agreed that the Town Hall should open at weekends. "
                "Opinion was split on how often: 44% wanted every weekend and 38% once a month. "
                "Many groups told us that even the reduced rate of £40 an hour was too much."
            ),
            "we_did": (
                "The Town Hall now opens for community use on two weekends a month. Voluntary and "
                "community groups pay £15 an hour, and up to six community celebrations a year "
                "can use it free, chosen with local faith and community groups. We will review "
                "the arrangement after a year."
            ),
            "why": (
                "Two weekends a month was a middle way between the two most popular options and "
                "fits our budget of £50,000 a year. We lowered the hire rate because cost was the "
                "main barrier people described. We did not fund a full-time coordinator, as that "
                "would have meant cutting community grants."
            ),
        },
        "comments": [
            {
                "author": "resident2",
                "body": (
                    "The Town Hall belongs to the people of Luton. It's about time we could "
                    "actually use it."
                ),
                "replies": [],
            },
            {
                "author": "resident",
                "body": (
                    "Our women's group would love to hold an exhibition there, but £40 an hour is "
                    "more than we can afford."
                ),
                "replies": [],
            },
            {
                "author": "young3",
                "body": (
                    "You should do a youth music night there. It would be really cool in the big "
                    "hall."
                ),
                "replies": [
                    {
                        "author": "officer",
                        "body": (
                            "Luton Youth Council has asked about this too, and a youth event is "
                            "being planned as one of the free community celebrations."
                        ),
                    },
                ],
            },
        ],
        "votes": {"agree": 48, "disagree": 7, "unsure": 11},
    },
]

DEMO_USERS = {
    "resident": {
        "role": "resident",
        "email": "resident@example.org",
        "password": "demo-resident-2040",  # public demo login  # nosec B105
        "age_band": "25-44",
        "connection": "live",
        "postcode_district": "LU2",
        "display_name": "Amira K",
    },
    "resident2": {
        "role": "resident",
        "email": "resident2@example.org",
        "password": "demo-resident2-2040",  # public demo login  # nosec B105
        "age_band": "45-64",
        "connection": "live",
        "postcode_district": "LU4",
        "display_name": "Gary M",
    },
    "resident3": {
        "role": "resident",
        "email": "resident3@example.org",
        "password": "demo-resident3-2040",  # public demo login  # nosec B105
        "age_band": "65+",
        "connection": "live",
        "postcode_district": "LU1",
        "display_name": "Margaret O",
    },
    "resident4": {
        "role": "resident",
        "email": "resident4@example.org",
        "password": "demo-resident4-2040",  # public demo login  # nosec B105
        "age_band": "18-24",
        "connection": "work",
        "postcode_district": "LU5",
        "display_name": "Tomasz W",
    },
    # Young people sign in with a username only: no email, no real name, no location.
    "young": {
        "role": "young_person",
        "username": "young_demo",
        "password": "demo-young-2040",  # public demo login  # nosec B105
        "age_band": "13-15",
        "connection": "study",
    },
    "young2": {
        "role": "young_person",
        "username": "young_demo2",
        "password": "demo-young2-2040",  # public demo login  # nosec B105
        "age_band": "16-17",
        "connection": "study",
    },
    "young3": {
        "role": "young_person",
        "username": "young_demo3",
        "password": "demo-young3-2040",  # public demo login  # nosec B105
        "age_band": "13-15",
        "connection": "live",
    },
    "moderator": {
        "role": "moderator",
        "email": "moderator@example.org",
        "password": "demo-moderator-2040",  # public demo login  # nosec B105
        # Demo only: a fixed authenticator secret, printed by `make run` (never in production).
        "totp_secret": "MODERATORDEMOTOTPSECRET2AQAAAAAA",
        "age_band": "prefer_not",
        "connection": "work",
        "display_name": "Priya S (Moderation team)",
    },
    "safeguarding": {
        "role": "safeguarding_lead",
        "email": "safeguarding@example.org",
        "password": "demo-safeguarding-2040",  # public demo login  # nosec B105
        # Demo only: a fixed authenticator secret, printed by `make run` (never in production).
        "totp_secret": "SAFEGUARDINGDEMOTOTPSECRET2AQAAA",
        "age_band": "prefer_not",
        "connection": "work",
        "display_name": "Helen C (Safeguarding lead)",
    },
    "officer": {
        "role": "officer",
        "email": "officer@example.org",
        "password": "demo-officer-2040",  # public demo login  # nosec B105
        # Demo only: a fixed authenticator secret, printed by `make run` (never in production).
        "totp_secret": "OFFICERDEMOTOTPSECRET2AQAAAAAAAA",
        "age_band": "prefer_not",
        "connection": "work",
        "display_name": "Daniel O (Engagement team)",
    },
    "admin": {
        "role": "admin",
        "email": "admin@example.org",
        "password": "demo-admin-2040",  # public demo login  # nosec B105
        # Demo only: a fixed authenticator secret, printed by `make run` (never in production).
        "totp_secret": "ADMINDEMOTOTPSECRET2AQAAAAAAAAAA",
        "age_band": "prefer_not",
        "connection": "work",
        "display_name": "Mark E (Digital services)",
    },
}
