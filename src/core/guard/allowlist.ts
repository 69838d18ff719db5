/**
 * Capitalised words that are NOT person names in concern texts: places, organisations, brands,
 * platforms, calendar words, nationalities and abbreviations. A capitalised token on one of these
 * lists never starts a PERSON_NAME hit by itself (a listed first name can still be a name when
 * the context says so, e.g. "Kevin Utrecht" is not produced because "Utrecht" is not a first name).
 *
 * Lookups are case-insensitive and diacritic-insensitive.
 */

const PLACES = `
Amsterdam Rotterdam  Haag Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Apeldoorn
Haarlem Arnhem Enschede Amersfoort Zaanstad Zaandam Haarlemmermeer Hoofddorp Zwolle Zoetermeer Leiden
Maastricht Dordrecht Ede  Leeuwarden Alkmaar Emmen Westland Delft Venlo Deventer Sittard Geleen
Helmond Oss Hilversum Heerlen Amstelveen Hengelo Nissewaard Spijkenisse Purmerend Schiedam Lelystad Roosendaal
Leidschendam Voorburg Gouda Vlaardingen Hoorn Almelo Velsen IJmuiden Assen  Veenendaal Katwijk
Zeist Nieuwegein Hardenberg Roermond Doetinchem  Hoogeveen Terneuzen Kampen Woerden Barneveld
Heerhugowaard   Pijnacker Nootdorp Lansingerland Bergschenhoek Rijswijk Ridderkerk Barendrecht
  Vlissingen Middelburg Goes Oosterhout Waalwijk Uden Veghel Meierijstad Heusden Vught Boxtel
Waalre Veldhoven Valkenswaard  Geldrop Mierlo Nuenen Weert Kerkrade Landgraaf Brunssum Venray
Zutphen Harderwijk Ermelo Nunspeet Elburg Wageningen Tiel Culemborg Zaltbommel Gorinchem Leerdam
Papendrecht Sliedrecht Zwijndrecht Hellevoetsluis Brielle Maassluis Naaldwijk  Wateringen
  Schoonhoven Alblasserdam Hendrik-Ido-Ambacht Oud-Beijerland Hoeksche 
Beverwijk Heemskerk Castricum Heiloo  Schagen   Enkhuizen Medemblik Edam Volendam
Monnickendam Wormerveer Krommenie Assendelft Diemen Duivendrecht Ouder-Amstel Uithoorn Aalsmeer
Badhoevedorp Nieuw-Vennep Heemstede Bloemendaal Zandvoort Hillegom Lisse Noordwijk Sassenheim Oegstgeest
Voorschoten Wassenaar Leiderdorp Zoeterwoude Alphen-aan-den-Rijn Bodegraven Waddinxveen Boskoop
Maarssen Breukelen Houten IJsselstein Vianen Bunnik Bilthoven Soest Baarn Bussum Naarden Huizen
 Blaricum Weesp Muiden Almere-Buiten Almere-Haven Dronten Emmeloord Urk Steenwijk Meppel Coevorden
Hoogezand Veendam Winschoten Stadskanaal Delfzijl Appingedam Drachten Heerenveen Sneek Harlingen
Franeker Dokkum Joure Bolsward Tiel Oldenzaal Rijssen Nijverdal Raalte Ommen Dalfsen Genemuiden Staphorst
Hattem Epe Heerde Twello Voorst Brummen Dieren Rheden Velp Duiven Zevenaar Westervoort Huissen 
Bemmel Beuningen Wijchen Druten Cuijk Boxmeer Gennep Venray  Panningen Tegelen Reuver  
 Meerssen Valkenburg Gulpen Vaals Eijsden Margraten Sittard-Geleen  Susteren Roosendaal Etten-Leur
Zundert Rucphen Halderberge Moerdijk Drimmelen Geertruidenberg Dongen Gilze Rijen Goirle Hilvarenbeek
Oisterwijk  Kaatsheuvel Drunen Rosmalen   Hertogenbosch Berlicum Schijndel Sint-Oedenrode
 Breugel Eersel Bergeijk Bladel Reusel Oirschot Deurne Gemert Asten Someren Nederweert Laarbeek
Boxtel   Texel Vlieland Terschelling Ameland Schiermonnikoog Walcheren Zeeuws-Vlaanderen
Hulst    Zierikzee Tholen Yerseke  Borssele Kruiningen Krabbendijke Hansweert
Randstad Brabant Limburg Gelderland Overijssel Drenthe Friesland Flevoland  Holland Noord-Holland
Zuid-Holland Noord-Brabant Veluwe Achterhoek Twente Betuwe Gooi Kennemerland Westfriesland Rijnmond
Bijlmer Bijlmermeer Zuidoost Nieuw-West Slotervaart Osdorp Geuzenveld Slotermeer Bos-en-Lommer
     Jordaan Pijp Watergraafsmeer  Dapperbuurt Transvaalbuurt Kolenkit
Ganzenhoef Holendrecht Venserpolder Kraaiennest Reigersbos  Gaasperdam Buikslotermeer Tuindorp
Kanaleneiland Overvecht Zuilen Lunetten Hoograven Ondiep Leidsche Rijn Vleuten Vathorst
Schilderswijk Transvaal Moerwijk Laakkwartier Escamp Morgenstond Bouwlust Vrederust Mariahoeve
Scheveningen Duindorp Loosduinen Ypenburg Wateringseveld Segbroek Spoorwijk Regentessekwartier
Feijenoord Charlois Delfshaven Crooswijk Hillesluis Afrikaanderwijk Tarwewijk Zuidwijk Ommoord Lombardijen
Ijsselmonde IJsselmonde Hoogvliet Pendrecht Bloemhof Carnisse Kralingen Overschie Hillegersberg Schiebroek
Prins-Alexander Zevenkamp Nesselande Beverwaard Katendrecht Kop-van-Zuid Zuidplein Alexanderpolder
Woensel Doornakkers Tongelre Strijp Gestel Stratum Presikhaaf Malburgen Rijkerswoerd Dukenburg Hatert
Lindenholt Heseveld Kolpingbuurt Selwerd Paddepoel Vinkhuizen Lewenborg Beijum  Hengelo Kattenbroek
Schothorst Liendert Randenbroek Soesterkwartier Muziekwijk Stedenwijk Waterwijk Tussen-de-Vaarten
Marokko Turkije Suriname Curacao Curaçao Aruba Bonaire Sint-Maarten Antillen Nederland Belgie België
Duitsland Frankrijk Spanje Portugal Italie Italië Polen Roemenie Roemenië Bulgarije Albanie Albanië
Kosovo Servie Servië Kroatie Kroatië Oekraine Oekraïne Rusland Syrie Syrië Irak Iran Afghanistan Pakistan
Somalie Somalië Eritrea Ethiopie Ethiopië Soedan Sudan Egypte Tunesie Tunesië Algerije Libie Libië
Nigeria Ghana Kaapverdie Kaapverdië Angola Congo Colombia Venezuela Brazilie Brazilië Dominicaanse
 Marbella Ibiza Dubai Turkije Antwerpen Brussel Gent Luik Charleroi Keulen Dusseldorf Düsseldorf
Berlijn Londen Parijs Madrid Barcelona Malaga Málaga Benidorm Alicante Lissabon Rome Milaan Istanbul
Ankara Izmir Antalya Rabat Casablanca Tanger Nador Al-Hoceima Hoceima Oujda Marrakech Agadir Tetouan
Paramaribo Willemstad Kralendijk Oranjestad Praag Warschau Krakau Boekarest  Tirana Belgrado
Zagreb Kiev Kyiv Moskou Damascus Aleppo Bagdad Kabul Teheran Mogadishu Asmara   Praia
Europa Afrika Azie Azië Amerika Zuid-Amerika Midden-Oosten Schengen Benelux Thailand Bali Mexico
`;

const ORGANISATIONS = `
Jeugdzorg Jeugdbescherming Kinderbescherming    Halt Wijkteam Politie Gemeente Leerplicht
Leerplichtzaken Reclassering Jeugdreclassering Veiligheidshuis   GGD GGZ CJG  Buurtzorg
Humanitas Leger Heils Straatcoaches Straatcoach Handhaving Stadswacht DUO Belastingdienst UWV SVB
Moviera Fier Kompaan Intermetzo Youz Brijder Jellinek Tactus Novadic-Kentron Mondriaan Parnassia Arkin
Lucertis Waag Pluryn Karakter Accare Lentis Trimbos NJi Jeugdfonds Stichting Jongerenwerk Jongerenwerker
Buurtwerk Buurthuis Wijkagent Recherche Marechaussee  Openbaar Ministerie Rechtbank Kinderrechter
Justitie   Levvel    Kessler Schrikker Signaalpunt Meldpunt   
Interventieteam Jeugdteam Wijknetwerk Jeugdpreventie Jongerencoach Schoolmaatschappelijk Zorgteam
Ouder-Kindteam Ouderkindteam Jeugdarts Huisarts Ziekenhuis Jeugdgezondheidszorg   
Vluchtelingenwerk COA AZC Azc  Justitiële Inrichtingen DJI JJI Teylingereind Hunnerberg Rijnhove
Schakenbosch Intermezzo Lindenhout Pameijer Altra Bascule  Jeugdhulp Jeugdhulpverlening Hulpverlening
Europol Interpol  Douane FIOD Rijksrecherche Burgemeester Wethouder Ministerie Rijksoverheid
Ajax Feyenoord PSV AZ Sparta Excelsior ADO Vitesse  Heracles  NEC NAC  Cambuur
      RKC Roda  Telstar 
College Lyceum Gymnasium Mavo Havo Vwo Vmbo Mbo Hbo Praktijkonderwijs Basisschool Scholengemeenschap
Albeda Zadkine Graafschap   Deltion  Summa Curio Aventus Alfa Noorderpoort Landstede
Firda   Scalda Gilde Vista Wellant Yuverta Clusius    Markiezaat  
`;

const BRANDS_AND_PLATFORMS = `
Snapchat Snap Instagram Insta TikTok Tiktok WhatsApp Whatsapp Telegram  Facebook Messenger YouTube
Youtube Discord Twitter Tinder Marktplaats Vinted Tikkie iPhone Iphone Samsung  Huawei Xiaomi
Motorola Nokia PlayStation Playstation Xbox Nintendo  Fortnite FIFA Roblox Minecraft GTA  
Nike Adidas Puma Gucci  Vuitton Moncler     Balenciaga Prada Dior Versace
Lacoste    Hilfiger   Airpods AirPods Apple Rolex Cartier Audemars Piguet 
Breitling Mercedes Mercedes-Benz BMW Audi Volkswagen   Vespa Yamaha Piaggio Kymco Peugeot Toyota
 Skoda Renault Opel Fiat Ford Tesla Porsche   Jeep Kia Hyundai   Jumbo Lidl Aldi
Kruidvat Action Hema Primark Zara Bershka JD Footlocker Snipes Zalando Bol McDonald McDonalds 
 KFC Subway Dominos Domino    Febo Kwalitaria Smullers Thuisbezorgd Uber Bolt Flink
Gorillas Getir Picnic Coolblue Amazon Shell BP Esso Tango Texaco NS GVB RET HTM Arriva Connexxion Qbuzz
Keolis EBS OV OV-chipkaart Bitcoin Ethereum Revolut Bunq ING Rabobank ABN AMRO SNS Knab ASN Triodos
  MoneyGram PayPal Paypal PostNL DHL UPS GLS Trapstar Corteiz Nocta    Jordan
Jordans Yeezy Off-White    Amiri  Burberry Fendi Givenchy Hermes Hermès
Chanel Armani Emporio       Diesel Gap     
Netflix Spotify Disney Google   Android   Outlook Gmail Hotmail Outlook Snapmap
Snapscore     Bereal BeReal OnlyFans Onlyfans Twitch  Threads LinkedIn
Vodafone KPN Ziggo Odido Lebara Lycamobile Simyo  Tele2 Youfone Hollandsnieuwe  
Coca-Cola   Monster Lays Pringles Heineken Grolsch Hennessy Bacardi Smirnoff   Belvedere
Cristal Moët Moet Shisha Hookah Rizla OCB Juul Vape Elfbar      
`;

const CALENDAR = `
januari februari maart april mei juni juli augustus september oktober november december
 feb febr mrt apr jun jul aug sep sept okt nov 
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag       
January February March April  June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Pasen Kerst Kerstmis Kerstvakantie   Oudjaar Nieuwjaar Oudjaarsavond Ramadan Suikerfeest
Offerfeest Eid Koningsdag Koningsnacht Bevrijdingsdag Sinterklaas  Halloween Carnaval Divali Diwali
  Hemelvaart Pinksteren Meivakantie Herfstvakantie Voorjaarsvakantie Zomervakantie Kerstmarkt
`;

const NATIONALITIES_LANGUAGES = `
Nederlander Nederlanders Nederlands Nederlandse Hollander Marokkaan Marokkanen Marokkaans Marokkaanse
Turk Turken Turks Turkse Surinamer Surinamers Surinaams Surinaamse Antilliaan Antillianen Antilliaans
Antilliaanse Curaçaoënaar Curacaoenaar Arubaan Pool Polen Pools Poolse Syriër Syriers Syriërs Syrisch
Syrische Eritreeër Eritreeers Eritrees Eritrese Somaliër Somaliers Somalisch Somalische Afghaan Afghanen
Afghaans Afghaanse Kapverdiaan Kapverdiaans Kapverdiaanse Kaapverdiaan Kaapverdianen Kaapverdiaans Kaapverdische Belg Belgen Belgisch Belgische
Duitser Duitsers Duits Duitse Fransman Fransen Frans Franse Engels Engelse Brit Britten Spanjaard Spaans
Spaanse Italiaan Italiaans Italiaanse Albanees Albanese Bulgaar Bulgaars Bulgaarse Roemeen Roemenen
Roemeens Roemeense Colombiaan Colombiaans Colombiaanse Braziliaan Braziliaans Braziliaanse Hindoestaan
Hindoestanen Hindoestaans Hindoestaanse Creool Creolen Creools Creoolse Javaan Javaans Javaanse Arabier
Arabieren Arabisch Arabische Berber Berbers Tamazight Riffijns Koerd Koerden Koerdisch Koerdische
Irakees Irakese Iraniër Iraans Iraanse Pakistaan Pakistaans Pakistaanse Eritreër Tigrinya Oekraïner
Oekraiens Oekraïens Oekraïense Rus Russen Russisch Russische Serviër Servisch Kroaat Kroatisch Kosovaar
Kosovaars Afrikaan Afrikaans Afrikaanse Europeaan Europees Europese Amerikaan Amerikaans Amerikaanse
Aziaat Aziatisch Aziatische Latino Moslim Moslims Islamitisch Islamitische Christen Christelijk Christelijke
Joods Joodse Hindoe Hindoes Islam Koran Bijbel God Allah Jezus Profeet Moskee Kerk Papiaments Sranantongo
Ghanees Ghanese Nigeriaan Nigeriaans Nigeriaanse Dominicaan Dominicaans Dominicaanse Venezolaan
`;

const ABBREVIATIONS_AND_MISC = `
AVE BSN SJV HAVO VMBO MBO HBO VWO ROC JOZ ADHD ASS PDD-NOS LVB ZSM OM BOA Boa Boa's ID IND AZC CJIB RIEC
PGB WMO Wmo VOG SKJ BIG KVK KvK Kvk HALT Halt-straf Halt-traject Jeugdzorgwerker Jeugdzorgmedewerker
Meester Juf Mentor Mentrix Directeur Rector Conrector Teamleider Zorgcoördinator Zorgcoordinator
Leerlingbegeleider Decaan Conciërge Concierge Agent Agente Rechercheur Wijkagent Hoofdagent Brigadier
Inspecteur Officier Burgemeester Wethouder Raadslid Minister Premier    
Centraal Station Hoofdstation Metro Tram Bus Sprinter Intercity Schiphol Zuidas  Centraal-Station
Oud-Zuid Oud-West           Sint St 
Covid Corona Corona-tijd Lockdown Voetbal Kickboksen Boksen Thaiboksen Drill Drillrap Rap Snapmap
Joint Wiet Hasj Coke Cocaïne Cocaine Xtc XTC Ecstasy MDMA Ketamine Keta Lachgas Crack Heroïne Speed GHB
Oxy Oxycodon Lean Xanax Pillen
`;

/** Street slang and interjections that show up capitalised in quotes of what a young person said. */
const SLANG = `
Wallah Wollah Inshallah Insha'Allah Mashallah Alhamdulillah Bismillah Habibi Sahbi Bro Bruh Swag Money Cash
Boss Sheesh Dushi Mattie Matties Fissa Doekoe Patta Osso Waggie Tatta Mocro Mocros Bami Skeer Scoot Skuur
Bando Plug Runner Drip Opp Opps Gang Squad Fam Bankoe Wollah's Yallah Yalla Khalas Haram Halal Hamdoulah
`;

/**
 * Public figures, films, games and languages young people talk about (rappers, footballers, series).
 * Mentioning them does not identify the young person; the list is deliberately short and popular.
 */
const CULTURE = `
Ronaldo Messi Mbappé Mbappe Neymar Haaland Depay Memphis Frimpong Gakpo Bergwijn Dumfries Cruijff Verstappen
Boef Frenna Josylvio Lijpe Ashafar Bizzey Architrackz Jairzinho Chivv Hef Broederliefde Kempi Murda Bokoesam
Drake Tupac Stormzy Eminem Rihanna Beyoncé Beyonce Scarface Narcos Netflix Peaky Blinders Mocro Maffia
Fortnite GTA Roblox Minecraft FIFA EA Valorant Brawl Stars Clash Royale TikTokker YouTuber Influencer
Dari Pashto Pasjtoe Farsi Perzisch Urdu Hindi Punjabi Sarnami Amhaars Tigrinya Somalisch Papiaments Swahili
Twi Lingala Wolof Berbers Tamazight Tarifit Arabisch Turks Koerdisch Pools Roemeens Bulgaars Oekraïens
`;

/** Multi-word names (organisations, brands, places) that contain first names or surname-like words. */
export const ALLOWED_PHRASES: readonly string[] = [
  'Albert Heijn', 'Veilig Thuis', 'William Schrikker', 'William Schrikker Groep', 'Burger King',
  'Canada Goose', 'Stone Island', 'Louis Vuitton', 'Ralph Lauren', 'Tommy Hilfiger', 'Hugo Boss',
  'Mercedes Benz', 'Calvin Klein', 'Michael Kors', 'Christian Dior', 'Yves Saint Laurent', 'Philipp Plein', 'Jack & Jones',
  'Air Jordan', 'Air Max', 'Air Force', 'North Face', 'The North Face', 'Palm Angels', 'New York Pizza',
  'Western Union', 'Den Haag', 'Den Bosch', 'Den Helder', "'s-Hertogenbosch", 'Bergen op Zoom',
  'Sint Maarten', 'Sint-Maarten', 'Sint Nicolaas', 'Zwarte Piet', 'Johan Cruijff', 'Johan Cruijff ArenA',
  'Pieter Baan', 'Pieter Baan Centrum', 'Prinses Máxima', 'Emma Kinderziekenhuis', 'Sophia Kinderziekenhuis',
  'Wilhelmina Kinderziekenhuis', 'Juliana Kinderziekenhuis', 'Erasmus MC', 'Erasmus', 'Prins Alexander',
  'Hoog Catharijne', 'Leger des Heils', 'Openbaar Ministerie', 'Raad voor de Kinderbescherming',
  'Holland Spoor', 'Den Haag HS', 'Capelle aan den IJssel', 'Alphen aan den Rijn', 'Krimpen aan den IJssel',
  'Nieuwerkerk aan den IJssel', 'Oud en Nieuw', 'Keti Koti', 'Anne Frank', 'Max Verstappen',
  'Go Ahead Eagles', 'Fortuna Sittard', 'Willem II', 'Roda JC', 'Lil Kleine', 'Ronnie Flex', 'Jonna Fraser', 'Famke Louise', 'Sevn Alias', 'Mula B', 'Yssi SB',
  'Central Cee', 'Headie One', 'Digga D', 'Travis Scott', 'Top Boy', 'Breaking Bad', 'Hells Angels',
  'Jan van Galen', 'Jan Pieterszoon Coen', 'Maria Montessori', 'Vincent van Gogh', 'Van Gogh',
  'Rembrandt', 'Hugo de Groot', 'Jeroen Bosch', 'Da Vinci', 'Dirk van den Broek', 'Jan Linders',
  'Henk Sneevlietweg', 'Marco Polo', 'Call of Duty', 'Bakker Bart', 'Basic-Fit', 'Basic Fit', 'Grand Theft Auto', 'Apple Watch', 'Samsung Galaxy', 'Lost Mary', 'Grey Goose', 'Red Bull', 'Santa Claus',
];

function words(block: string): string[] {
  return block.split(/\s+/).filter((w) => w.length > 0);
}

/** Place names (cities, neighbourhoods, regions, countries). */
export const ALLOWED_PLACES: readonly string[] = words(PLACES);

/** Other allow-listed single words (organisations, brands, calendar words, nationalities, …). */
export const ALLOWED_WORDS: readonly string[] = [
  ...words(ORGANISATIONS),
  ...words(BRANDS_AND_PLATFORMS),
  ...words(CALENDAR),
  ...words(NATIONALITIES_LANGUAGES),
  ...words(ABBREVIATIONS_AND_MISC),
  ...words(SLANG),
  ...words(CULTURE),
];
