"""Name pools for fictitious residents of Hengelo.

The mix follows the town: most residents carry general Dutch or Twente names, a sizeable share
has a Turkish, Moroccan, Syrian, Eritrean, Polish, Surinamese, Vietnamese or other European
background. Names with diacritics are deliberate: search, sorting and printing must handle them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NameGroup:
    key: str
    weight: int
    # (tussenvoegsel, family name); the tussenvoegsel is stored in lower case.
    families: tuple[tuple[str, str], ...]
    male: tuple[str, ...]
    female: tuple[str, ...]
    # Children take the father's given name as family name (Eritrean naming).
    patronymic: bool = False
    # Family names ending in -ski/-cki take -ska/-cka for women (Polish naming).
    gendered: bool = False


def _split(*names: str) -> tuple[tuple[str, str], ...]:
    """'van der|Spoel' -> ('van der', 'Spoel'); 'Çelik' -> ('', 'Çelik')."""
    pairs = []
    for name in names:
        prefix, _bar, family = name.rpartition("|")
        pairs.append((prefix, family))
    return tuple(pairs)


DUTCH = NameGroup(
    "nederlands", 42,
    _split("Jansen", "Janssen", "de|Vries", "van den|Berg", "de|Jong", "Bakker", "Visser",
           "Smit", "Meijer", "van der|Spoel", "van|Dijk", "Mulder", "Bos", "Vos", "Peters",
           "Hendriks", "van|Leeuwen", "Dekker", "Brouwer", "de|Wit", "Dijkstra", "van der|Meer",
           "de|Graaf", "Koster", "Prins", "Kok", "Huisman", "de|Boer", "van|Beek", "Willems",
           "Hoekstra", "van der|Linden", "Kuipers", "de|Haan", "Verhoef", "Schouten", "de|Bruijn",
           "Postma", "van|Vliet", "Veenstra", "Gerritsen", "Boersma", "in 't|Veld", "Sanders",
           "Evers", "Timmermans", "Groen", "van 't|Hof", "Maas", "Driessen", "Brinkman"),
    ("Hendrik", "Gerrit", "Johannes", "Jan", "Willem", "Cornelis", "Henk", "Gerard", "Martin",
     "Hans", "Peter", "Rob", "André", "René", "Frank", "Erik", "Marcel", "Mark", "Dennis", "Bas",
     "Jeroen", "Tim", "Niels", "Rick", "Kevin", "Stefan", "Thijs", "Ruben", "Daan", "Sem",
     "Noah", "Lucas", "Levi", "Finn", "Milan", "Jesse", "Luuk", "Bram", "Stijn", "Teun"),
    ("Johanna", "Maria", "Cornelia", "Wilhelmina", "Anna", "Anja", "Ria", "Marja", "Gerda",
     "Ingrid", "Monique", "Sandra", "Marion", "Yvonne", "Karin", "Petra", "Henriëtte", "Linda",
     "Kim", "Sanne", "Marieke", "Esther", "Chantal", "Nicole", "Anouk", "Lisa", "Femke", "Iris",
     "Emma", "Julia", "Sophie", "Tess", "Fenna", "Lotte", "Saar", "Noor", "Mila", "Zoë", "Anne",
     "Renée"),
)

TWENTE = NameGroup(
    "twents", 28,
    _split("Bökkers", "Hüsken", "Ködder", "Olde Monnikhof", "Oude Luttikhuis", "Kamphuis",
           "Nijhuis", "Wolbers", "Wessels", "Morsink", "Velthuis", "Lammerink", "Brinkhuis",
           "Elferink", "Scholten", "Tijhuis", "ter|Horst", "ten|Brinke", "Haverkate", "Pierik",
           "Klein Gunnewiek", "Nijenhuis", "Wolterink", "Roelofs", "Hemmink", "Stevelink",
           "Meijerink", "Reinders", "Oosterik", "Vrielink", "Leusink", "Bruggink",
           "Kemperman", "Wiggers", "Heerink", "Groothuis", "Brummelhuis", "Oude Groeniger",
           "Snuverink", "Lohuis", "Ekkel", "Boerrigter", "Wönink", "Hölscher", "Dörr",
           "ten|Thije", "Haarhuis", "Rouwhorst", "Sprakel", "Bosch"),
    ("Bernardus", "Gradus", "Herman", "Hendrikus", "Berend", "Albertus", "Theodorus", "Geert",
     "Antonius", "Gerhard", "Harrie", "Bennie", "Jos", "Wim", "Ton", "Gert-Jan", "Jeroen", "Roy",
     "Jeffrey", "Joost", "Bart", "Wouter", "Sjoerd", "Mees", "Jens", "Thijmen", "Ties", "Gijs",
     "Job", "Hidde"),
    ("Hendrika", "Geertruida", "Aleida", "Berendina", "Janna", "Grada", "Hermina", "Everdina",
     "Truus", "Dini", "Riek", "Hennie", "Gerrie", "Annie", "Wilma", "Annemieke", "Mandy",
     "Danique", "Marloes", "Ilse", "Jolien", "Lieke", "Fleur", "Evi", "Isa", "Roos", "Liv",
     "Nina", "Sofie", "Jente"),
)

TURKISH = NameGroup(
    "turks", 8,
    _split("Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Yıldız", "Öztürk", "Aydın", "Arslan",
           "Doğan", "Koç", "Kılıç", "Aslan", "Çetin", "Kurt", "Özdemir", "Erdoğan", "Güneş",
           "Yavuz", "Polat"),
    ("Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Emre", "Burak", "Yusuf", "Ömer", "Kerem",
     "Hakan", "Serkan", "Murat", "Enes", "Eren", "Furkan"),
    ("Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Büşra", "Merve", "Gülsüm", "Özlem",
     "Şeyma", "Derya", "Esra", "Nur", "Hülya", "İlayda"),
)

MOROCCAN = NameGroup(
    "marokkaans", 4,
    _split("El Amrani", "Bouzid", "El Idrissi", "Benali", "Ait Ouali", "Ouali", "El Khatib",
           "Tahiri", "Azzouzi", "Chaouch", "Boukhari", "El Hamdaoui", "Ziani", "Amrani",
           "Bakkali"),
    ("Mohamed", "Youssef", "Said", "Rachid", "Ilias", "Ayoub", "Soufiane", "Hamza", "Anouar",
     "Bilal", "Karim", "Mustapha"),
    ("Fatima", "Khadija", "Nadia", "Samira", "Imane", "Malika", "Soumaya", "Hafsa", "Salma",
     "Naima", "Ikram", "Yasmina"),
)

SYRIAN = NameGroup(
    "syrisch", 3,
    _split("Al-Hassan", "Haddad", "Khalil", "Al-Ali", "Nasser", "Darwish", "Alhamoud", "Kassab",
           "Sabbagh", "Al-Khatib", "Mansour", "Hamdan"),
    ("Ahmad", "Omar", "Hussein", "Bashar", "Karam", "Khaled", "Mahmoud", "Rami", "Tarek",
     "Jamal", "Adnan", "Majd"),
    ("Rania", "Lina", "Rama", "Nour", "Yara", "Hala", "Dima", "Rasha", "Aya", "Zeina", "Ghalia",
     "Maryam"),
)

ERITREAN = NameGroup(
    "eritrees", 2,
    _split("Tesfaye", "Haile", "Gebremedhin", "Tekle", "Berhane", "Woldu", "Ghebremariam",
           "Kidane", "Tsegay", "Yohannes"),
    ("Yonas", "Filmon", "Merhawi", "Abraham", "Aman", "Dawit", "Samuel", "Tesfalem", "Robel",
     "Biniam", "Henok", "Efrem"),
    ("Selam", "Semhar", "Helen", "Senait", "Rahel", "Luwam", "Saba", "Winta", "Yordanos",
     "Mebrat", "Hiwet", "Eden"),
    patronymic=True,
)

POLISH = NameGroup(
    "pools", 3,
    _split("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
           "Szymański", "Dąbrowski", "Kozłowski", "Mazur", "Jankowski", "Wróbel", "Krawczyk",
           "Piotrowski"),
    ("Łukasz", "Piotr", "Krzysztof", "Paweł", "Jakub", "Wojciech", "Tomasz", "Michał",
     "Mateusz", "Grzegorz", "Szymon", "Kacper"),
    ("Małgorzata", "Agnieszka", "Katarzyna", "Zofia", "Anna", "Joanna", "Magdalena", "Ewa",
     "Beata", "Dorota", "Zuzanna", "Łucja"),
    gendered=True,
)

SURINAMESE = NameGroup(
    "surinaams", 3,
    _split("Ramdin", "Jadnanansing", "Mahabier", "Soekhoe", "Ramlal", "Bhagwandin", "Pinas",
           "Kromodimedjo", "Sabajo", "Wijngaarde", "Pengel", "Biswane", "Kartosen", "Sitaldin",
           "Amatdjais"),
    ("Rajesh", "Ravi", "Glenn", "Marlon", "Anand", "Sunil", "Romeo", "Dinesh", "Errol",
     "Kishan", "Rinaldo", "Sergio"),
    ("Shanti", "Sunita", "Priya", "Roshni", "Ruth", "Cynthia", "Sharon", "Dewi", "Anjali",
     "Gracia", "Melvina", "Soenita"),
)

VIETNAMESE = NameGroup(
    "vietnamees", 2,
    _split("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Huỳnh"),
    ("Minh", "Huy", "Tuấn", "Đức", "Quang", "Văn Long", "Thành", "Khánh", "Bảo", "Hải"),
    ("Thảo", "Linh", "Phương", "Hương", "Mai", "Thị Lan", "Ngọc", "Trang", "Hạnh", "Vy"),
)

OTHER_EUROPEAN = NameGroup(
    "overig europees", 5,
    _split("Ødegård", "Sørensen", "Østergaard", "Åberg", "Müller", "Schröder", "Weiß",
           "Kovalenko", "Shevchenko", "Bondarenko", "Gonçalves", "Ferreira", "Papadopoulos",
           "Novák", "Horváth", "Popescu", "Ionescu", "Dvořák"),
    ("Lars", "Søren", "Jürgen", "Klaus", "Dmytro", "Oleksandr", "João", "Nikos", "Tomáš",
     "István", "Andrei", "Björn"),
    ("Ingrid", "Åsa", "Jutta", "Birgit", "Olena", "Oksana", "Inês", "Eleni", "Zuzana", "Réka",
     "Ioana", "Sigrid"),
)

GROUPS: tuple[NameGroup, ...] = (
    DUTCH, TWENTE, TURKISH, MOROCCAN, SYRIAN, ERITREAN, POLISH, SURINAMESE, VIETNAMESE,
    OTHER_EUROPEAN,
)


def female_family_name(group: NameGroup, family: str) -> str:
    if group.gendered and family.endswith(("ski", "cki", "dzki")):
        return family[:-1] + "a"
    return family


RELATIONS_OLDER = ("dochter", "zoon", "buurvrouw", "buurman", "kleindochter", "kleinzoon",
                   "schoondochter", "vriendin", "nicht", "kerkgenoot")
RELATIONS_FAMILY = ("oma", "opa", "zus", "broer", "buurvrouw", "vriendin", "schoonmoeder",
                    "tante", "oom", "vriend", "collega", "moeder")
RELATIONS_YOUNG = ("moeder", "vader", "vriend", "vriendin", "zus", "broer", "oma",
                   "voormalig pleegouder")

CAN_HELP_WITH = ("boodschappen", "oppassen op de kinderen", "vervoer naar het ziekenhuis",
                 "een luisterend oor", "post en formulieren", "klusjes in huis", "koken",
                 "halen en brengen naar school", "administratie", "de tuin", "wekelijks bezoek",
                 "tolken bij afspraken", "geldzaken op orde houden", "")
