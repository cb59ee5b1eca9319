"""What readers of the portal ask, and the item each should find (any of the titles given).

Written from what a visitor, a student, a journalist or an official would type: questions,
everyday words for official subjects, misspellings and acronyms. Each query names the items
it should find by title (titles, FAQ questions, divisions and topics are stable; sentences in
bodies are not). Where a query can only reach its item through a word in a summary or body,
the comment after it names that word: if the seed's text changes, look there first.
"""

FAQ_FUNCTION = "What is the main function of the ASEAN Secretariat?"
FAQ_LOCATED = "Where is the ASEAN Secretariat located?"
FAQ_LEADS = "Who leads the ASEAN Secretariat?"
FAQ_MEMBERS = "How many Member States does ASEAN have?"
FAQ_FOUNDED = "When was ASEAN founded?"
FAQ_PILLARS = "What are the three ASEAN Community pillars?"
FAQ_VISION = "What is the ASEAN Community Vision 2045?"
FAQ_CHALLENGES = "What are some of the challenges faced by the ASEAN Secretariat?"
FAQ_SUPPORT = "How does the ASEAN Secretariat support ASEAN Member States?"
FAQ_PARTNERS = "Which part of the Secretariat handles relations with ASEAN's dialogue partners?"

AADMER = "AADMER Work Programme 2021–2025"
VISION = "ASEAN Community Vision 2045"
DEFA = "ASEAN Digital Economy Framework Agreement (DEFA) negotiations"
DIGITAL = "ASEAN Digital Masterplan 2025"
AEC_BLUEPRINT = "ASEAN Economic Community Blueprint 2025"
AEC_PLAN = "ASEAN Economic Community Strategic Plan 2026–2030"
AOIP = "ASEAN Outlook on the Indo-Pacific"
APAEC = "ASEAN Plan of Action for Energy Cooperation (APAEC) 2016–2025"
CRIME = "ASEAN Plan of Action in Combating Transnational Crime (2016–2025)"
APSC_BLUEPRINT = "ASEAN Political-Security Community Blueprint 2025"
APSC_PLAN = "ASEAN Political-Security Community Strategic Plan 2026–2030"
EVAW = "ASEAN Regional Plan of Action on the Elimination of Violence against Women (2016–2025)"
ASW = "ASEAN Single Window"
ASCC_BLUEPRINT = "ASEAN Socio-Cultural Community Blueprint 2025"
ASCC_PLAN = "ASEAN Socio-Cultural Community Strategic Plan 2026–2030"
EDUCATION = "ASEAN Work Plan on Education 2021–2025"
IAI = "Initiative for ASEAN Integration (IAI) Work Plan IV (2021–2025)"
MPAC = "Master Plan on ASEAN Connectivity 2025"

CORPORATE = "ASEAN Community and Corporate Affairs Directorate"
AEC_DEPT = "ASEAN Economic Community Department"
EXTERNAL = "ASEAN External Relations Directorate"
APSC_DEPT = "ASEAN Political-Security Community Department"
ASCC_DEPT = "ASEAN Socio-Cultural Community Department"
ADMIN = "Administration and Finance Department"
OSG = "Office of the Secretary-General"

QUERIES = [
    # Questions, as people type them.
    ("what is the asean secretariat responsible for", [FAQ_FUNCTION]),
    ("what does the asean secretariat do", [FAQ_FUNCTION]),
    ("what is the role of the secretariat", [FAQ_FUNCTION]),
    ("where is the asean secretariat", [FAQ_LOCATED]),
    ("where are asean's headquarters", [FAQ_LOCATED]),  # body: "headquartered in Jakarta"
    ("which city is the secretariat in", [FAQ_LOCATED]),
    ("who is the secretary-general of asean", [FAQ_LEADS, OSG]),
    ("who runs the asean secretariat", [FAQ_LEADS]),
    ("how many countries are in asean", [FAQ_MEMBERS]),
    ("how many members does asean have", [FAQ_MEMBERS]),
    # Timor-Leste's page ("an ASEAN Member State since …") answers it as well as the FAQ.
    ("is timor-leste part of asean", [FAQ_MEMBERS, "Timor-Leste"]),
    ("when was asean established", [FAQ_FOUNDED]),
    ("when did asean start", [FAQ_FOUNDED]),
    ("what are the pillars of asean", [FAQ_PILLARS]),
    ("what is the vision for asean in 2045", [FAQ_VISION, VISION]),
    ("what problems does the secretariat face", [FAQ_CHALLENGES]),
    ("how does the secretariat help member states", [FAQ_SUPPORT]),
    ("who deals with dialogue partners", [FAQ_PARTNERS, EXTERNAL]),
    ("which department handles the economy", [AEC_DEPT]),
    ("who is in charge of public outreach", [CORPORATE]),  # summary: "public outreach"
    ("who looks after the secretariat's finances and staff", [ADMIN]),
    ("what is asean doing about violence against women", [EVAW]),
    ("how does asean respond to disasters", [AADMER, "Disaster management"]),
    ("what is the single window", [ASW]),
    ("what is the indo-pacific outlook", [AOIP]),
    ("how do countries cooperate against crime", [CRIME, "Transnational crime"]),
    # Everyday words for official subjects.
    ("floods and typhoons", [AADMER, "Disaster management"]),
    ("earthquake emergency help", [AADMER, "Disaster management"]),
    ("customs paperwork online", [ASW]),
    ("women safety", [EVAW, "Women and gender equality"]),
    ("gender equality", ["Women and gender equality", EVAW]),
    ("trade facilitation", [ASW]),
    ("electronic trade documents", [ASW]),  # summary: "trade documents … electronically"
    ("schools and learning", [EDUCATION, "Education"]),
    ("clean energy", [APAEC, "Energy"]),
    ("drug trafficking", [CRIME, "Transnational crime"]),  # body: "drug"
    ("online shopping rules", [DEFA]),  # body: "e-commerce"
    ("internet plan", [DIGITAL, "Digital economy"]),
    ("transport links between countries", [MPAC, "Connectivity"]),
    ("climate change", ["Environment and climate change"]),
    ("migrant workers", ["Labour and migration"]),
    ("human rights", ["Human rights"]),
    ("narrowing the development gap", [IAI]),  # body: "narrow the development gap"
    ("long term vision", [VISION, FAQ_VISION]),
    ("economic integration plan", [AEC_BLUEPRINT, AEC_PLAN]),
    ("security plan 2030", [APSC_PLAN]),
    ("culture and identity", ["Culture and ASEAN identity"]),
    ("health cooperation", ["Health"]),
    ("relations with other countries", [EXTERNAL, "External relations", FAQ_PARTNERS]),
    ("secretary general's office", [OSG]),
    # Misspellings.
    ("secretraiat location", [FAQ_LOCATED]),
    ("singel window", [ASW]),
    ("conectivity master plan", [MPAC]),
    ("disaster managment", ["Disaster management", AADMER]),
    ("educaton work plan", [EDUCATION]),
    ("violance against women", [EVAW]),
    ("transnational crme", [CRIME, "Transnational crime"]),
    ("digitial masterplan", [DIGITAL]),
    ("indo pacfic outlook", [AOIP]),
    ("enrgy cooperation plan", [APAEC]),
    # Acronyms.
    ("AADMER", [AADMER]),
    ("ASW", [ASW]),
    ("MPAC", [MPAC]),
    ("AEC blueprint", [AEC_BLUEPRINT]),
    ("APSC", [APSC_DEPT, APSC_BLUEPRINT, APSC_PLAN]),
    ("ASCC strategic plan", [ASCC_PLAN]),
    ("IAI", [IAI]),
    ("DEFA", [DEFA]),
    ("AOIP", [AOIP]),
    ("APAEC", [APAEC]),
    ("where is the ASEC", [FAQ_LOCATED]),
    ("how many AMS are there", [FAQ_MEMBERS]),
    # Countries, by any of their names: a name alone finds its page; with other words, the
    # items that involve the state (search narrows to it).
    ("vietnam digital", [DIGITAL, DEFA]),
    ("Viet Nam digital", [DIGITAL, DEFA]),
    ("vietnamese digital economy agreement", [DEFA]),
    ("laos energy", [APAEC]),
    ("lao pdr disaster relief", [AADMER]),
    ("thai customs", [ASW]),
    ("filipino women safety", [EVAW]),
    ("cambodian schools", [EDUCATION]),
    ("singapore connectivity", [MPAC]),
    ("burma", ["Myanmar"]),
    ("vietnam", ["Viet Nam"]),
    ("brunei", ["Brunei Darussalam"]),
    ("the philippines", ["Philippines"]),
    ("east timor membership", [FAQ_MEMBERS, "Timor-Leste"]),
    ("when did east timor join asean", ["Timor-Leste", FAQ_MEMBERS]),
]
