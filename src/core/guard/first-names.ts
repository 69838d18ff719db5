/**
 * Curated list of first names that are common among children, young people and their parents
 * in the Netherlands. Grouped by (rough) origin; the grouping is informative only — a name in
 * any group is treated the same. Duplicates across groups are harmless (a Set is built).
 *
 * Spelling variants matter: "Mohamed", "Mohammed", "Mohammad" and "Muhammed" are all listed.
 * Lookups are diacritic-insensitive ("Zoe" matches "Zoë"), so one spelling per accent variant
 * is enough.
 *
 * Names that are ALSO ordinary Dutch words, brands or places (Roos, Mark, Bas, Storm, Jade,
 * Mercedes, Milan, …) are listed in AMBIGUOUS_FIRST_NAMES below: the guard only treats those as a
 * name when the context says so (mid-sentence capital, followed by a surname, after "genaamd", …).
 *
 * Deliberately NOT listed because they are far more often ordinary words in concern texts:
 * Hoop, Will/Wil, Lief, Zon, Dag, Ster, Bloem, Pool, Beer.
 */

const DUTCH_BOYS = `
Aaron Abel Adriaan Albert Alex Alexander Anton Ard Arend Arie Arjan Arjen Armin Arne Arnoud Arthur Auke
Bart Bas Bastiaan Ben Benjamin Bennie Bernard Bert Bjorn Björn Bob Boaz Boris Bouke Boy Bram Brent Brian
Bryan Casper Cas Cees Chris Christiaan Christian Christopher Coen Cor Corné Cornelis Daan Damian Daniël Danny
Dave David Dean Dennis Derk Dex Dick Diederik Dirk Dion Dirkjan Dolf Dries Duco Dylan Edwin Eelco Eelke
Egbert Elias Emiel Erik Ernst Evert Ewout Ezra Fabian Faas Ferdi Ferry Finn Flip Floris Frank Frans Freek
Fred Frederik Friso Gart Geert Gerard Gerben Gerrit Gert Gerwin Gideon Gijs Gijsbert Gilles Glenn Guido
Guus Hans Harm Harold Hein Hendrik Henk Henri Herman Hidde Hielke Hugo Huib Huub Ids Ivar Ivo Izaak Jaap
Jacco Jack Jacob Jacques Jake James Jan Jan-Willem Jarno Jasper Jason Jay Jayden Jeffrey Jelle Jelmer Jens
Jeroen Jesper Jesse Jim Jip Job Jochem Joep Joeri Johan Johannes John Joost Jop Joris Jorn Jort Jos Joshua
Jelte Joël Joey Jordi Jordy Jorrit Jorg Jouke Julian Julius Jurre Jurgen Justin Kai Karel Kasper Kees Kevin
Klaas Koen Kristian Laurens Lars Lennard Lennart Leo Leon Levi Liam Lucas Luc Luca Luuk Maarten Marc
Marcel Marco Marijn Mario Mark Marnix Martijn Martin Mathijs Mats Matthijs Max Maurits Mees Melle Melvin
Menno Merijn Michael Michel Michiel Mick Mike Milan Milo Mitchell Morris Nathan Nick Niek Niels Nico
Noah Noud Olaf Olivier Onno Oscar Otis Owen Patrick Paul Pepijn Peter Pieter Piet Pim Quinten Rens Rick
Rik Rob Robbert Robert Robin Rodi Roel Rogier Roland Ronald Roy Ruben Rudi Rutger Ruud Ryan Sam Sander
Sebastiaan Sem Sep Sepp Siem Silas Simon Sjaak Sjoerd Sjors Stan Stefan Steven Stijn Sven Teun Thijmen
Thijs Thom Thomas Ties Tijmen Tijn Tim Timo Tobias Tom Ton Tommy Twan Tygo Valentijn Victor Vince Vincent
Walter Wessel Wietse Willem Wim Wouter Wout Xander Yannick Yorick Youri Yuri Ivan Hannes Lowie Mattias
Douwe Sietse Tjeerd Wiebe Sytze Jorben Ruurd Abe Age Ate Bauke Hessel Jurjen Klaas-Jan Lieuwe Rienk
Stefano Matthias Ramon Roberto Ricardo Raymond Randy Remco René Richard Robbin Roderick Ronnie Rowan
Scott Sean Shane Stephan Sybren Teije Thimo Timon Vigo Wesley Wilco Wilfred Wiljan Yvo Zeger Bjarne
Collin Dani Davey Demian Dewi Duncan Eli Emil Ethan Evan Ferre Gabriel Hayden Ilan Isaac Jace Jaimy Jamie
Jan-Pieter Jarno Jelger Jesse-Jan Joa Jonas Jonathan Juda Kayden Lenn Lewis Loek Louis Lukas Lyam Mason
Mats-Jan Mauro Micha Mika Morris Nolan Odin Oliver Pieter-Jan Riley Romeo Ruud Sebas Seth Sil Sten Sverre
Teun-Jan Thiago Tycho Vigo Viggo Wilko Yens Zev Elia Jax Lev Noud Luka Lucien Mex Olaf Rafael Raf Ravi
`;

const DUTCH_GIRLS = `
Aafke Aagje Adinda Agnes Aimee Aleida Alexandra Alice Alicia Amber Amy Anke Anna Anne Anneke Annelies
Annemarie Annemiek Annet Annette Anouk Astrid Babette Barbara Bente Bianca Birgit Bo Bregje Brenda Britt
Caro Carla Carlijn Carolien Caroline Charlotte Chantal Cindy Claire Claudia Cornelia Daphne Debby Demi
Denise Diana Dianne Dominique Dorien Doris Dewi Edith Eline Elise Elin Elisa Elisabeth Ella Ellen Els Elsa
Emma Esmee Esther Eva Eveline Evi Evy Fay Femke Fenna Fenne Fien Fleur Floor Floortje Frederique Gabriëlle
Gerda Gerdien Greet Hanna Hannah Hanneke Heleen Helen Hella Hester Ilona Ilse Indy Inge Ingrid Iris Isa
Isabel Isabella Isabelle Ivy Jacqueline Janine Janneke Jasmijn Jeanine Jennifer Jessica Jet Jill Jolanda
Josephine Josje Joyce Judith Julia Julie Juliette Jytte Karin Kate Kiki Kim Kirsten Lana Lara Laura
Lauren Lea Lena Lente Lieke Lies Lieve Lieselot Linda Linde Lindsey Lisa Lisanne Liv Liz Loes Lois Loïs
Lot Lotte Louise Lucy Luna Lynn Maaike Madelief Maud Manon Mara Mare Margot Maria Marieke Marijke Marina
Marit Marjolein Marleen Marloes Marlou Martha Mathilde Maxime Meike Merel Mia Michelle Mieke Mila Milou
Mirjam Mirthe Monique Myrthe Nadia Naomi Natasja Nathalie Nicole Nienke Nina Noa Noor Nora Norah Nova
Olivia Patricia Paula Petra Pien Pleun Puck Quinty Renate Rianne Robin Romy Roos Rosa Rosalie Ruth Saar
Sabine Sanne Sara Sarah Saskia Selena Sharon Sigrid Simone Sofie Sophie Stella Stephanie Sterre Suus Suze
Suzanne Tamara Tess Tessa Thirza Tineke Trijntje Valerie Vera Veerle Wendy Wilma Yara Yfke Yvonne Zoë
Zara Isis Jolien Jorien Lisette Marlies Mirte Naomie Nathalie Romee Roosmarijn Sanna Senna Silke Sophia
Tara Tirza Valentina Wies Yentl Yvette Zoey Evelien Feline Fenne Hailey Hazel Ivana Jade Jolie Juul Lize
Liza Loua Luus Maartje Mette Nikki Nynke Riek Rixt Sietske Sjoukje Tjitske Wietske Wendela Femmie Grietje
Janna Lina Mae Megan Merle Nola Olivia Rosie Roxanne Sammy Sienna Skye Sophia Tamar Vajèn Wende Yasmijn
`;

const MOROCCAN_BOYS = `
Abdel Abdelaziz Abdelhak Abdelilah Abdelkader Abdelkarim Abdellah Abdelmajid Abdeslam Abderrahim
Abderrahman Abdessamad Abdou Achraf Adam Adil Ahmed Aimad Ayman Aymane Amin Amine Amir Anas Anouar Anwar
Ayoub Aziz Badr Badr-Eddine Bilal Brahim Chakib Driss Elias Faisal Farid Fouad Habib Hakim Hamid Hamza
Hassan Hicham Houssam Houssine Ibrahim Idris Idriss Ilias Ilyas Ilyass Imad Ismail Ismaël Jamal Jawad
Kamal Karim Khalid Lahcen Marouane Marwan Mehdi Mimoun Mohamed Mohammed Mohcine Mohssine Mostafa Mounir
Mourad Moussa Mustafa Mustapha Nabil Najib Nasser Nizar Nordin Nourdin Noureddine Omar Othman Othmane
Oussama Rachid Rayan Redouan Redouane Reda Ridouan Riduan Safouane Saïd Salah Samir Sofian Sofiane
Soufian Soufiane Taha Tarik Walid Yahya Yassin Yassine Younes Younès Youssef Yousef Zakaria Zakariya
Zouhair Abdelhamid Abdelali Abdelghani Ali Abderrazak Adnan Ahmad Akram Azzedine Boubker Bouchaib Chaib
El-Mehdi Fahd Hafid Hatim Hichem Hussein Ilian Ishaq Jaouad Jihad Kacem Khalil Lamine Madani Mhamed
Mohamed-Amine Mokhtar Mounim Naoufal Naoufel Nouh Outman Rabie Rachidi Rafik Riad Saad Sami Samy Selim
Souhail Suhail Tarek Wahid Wassim Yasin Yassir Younesse Zaid Zakarya Zyad Ziyad Anass Yassir Bilel
Mo Momo Moh Moha Abdi Aissa Ayoube Faris Haitam Haitham Hamid Ismael Jaber Karam Marwane Mehmed Yunes
`;

const MOROCCAN_GIRLS = `
Aicha Aïcha Aisha Amal Amina Amira Anissa Asmae Asmaa Assia Aya Bouchra Chaima Chaimae Chayma Dounia
Douae Fadoua Farah Fatiha Fatima Fatna Ghizlane Hafsa Hajar Hanane Hanan Hayat Hiba Hind Houda Ibtissam
Ikram Ilham Imane Iman Inas Jamila Kaoutar Karima Khadija Lamia Latifa Laila Leila Loubna Majda Malak
Malika Manal Mariam Maryam Meriem Meryem Mouna Nadia Naima Nawal Nihad Nisrine Nora Nour Noura Nouhaila
Oumaima Rachida Rajae Rania Rim Safae Safa Saida Sakina Salima Salma Samira Sana Sanae Selma Siham
Sihame Soukaina Soumaya Souad Touria Wafae Wafa Wiam Widad Yasmina Yasmine Yousra Zahra Zakia Zineb
Zainab Zoubida Zohra Aya-Lina Btissam Chadia Darifa Dina Fatma-Zahra Ghita Hasna Hayae Ilhame Ines Inès
Kenza Khaoula Lina Lobna Maroua Marwa Mina Nada Najat Nassima Nezha Rabia Rachida Safia Sara Sarah
Sofia Soraya Yamina Yasmin Zina Zaina Ayat Basma Chahida Fairouz Hadil Hafida Jihane Layla Lamyae Maha
Maysae Nadira Noor Rayane Sabrina Saloua Sanaa Taslima Wissal Yara Zeinab Hajar Ilona Dunya Dounya
`;

const TURKISH_BOYS = `
Ahmet Ali Alperen Arda Baran Batuhan Berat Berkay Bilal Burak Cem Cihan Can Çağrı Deniz Doğan Doruk Efe
Egemen Emir Emre Enes Erdem Eren Erkan Ercan Eymen Fatih Furkan Gökhan Göktuğ Hakan Halil Harun Hasan
Hüseyin İbrahim İsmail Kaan Kadir Kemal Kerem Levent Mehmet Mert Metin Miraç Mirza Muhammed Murat
Mustafa Necati Oğuz Onur Orhan Osman Ozan Ömer Özgür Ramazan Recep Salih Sefa Selim Semih Serdar Serkan
Sinan Taner Talha Tarık Tolga Tuncay Ufuk Uğur Umut Volkan Yasin Yavuz Yiğit Yunus Yusuf Zeki Abdullah
Adem Alihan Alp Alparslan Aras Ayhan Aykut Bayram Bekir Berk Burhan Caner Celal Cengiz Coşkun Davut
Ekrem Emin Engin Erol Ersin Fikret Gökay Güven Hamza Hikmet İlker İlyas Kağan Kayra Kenan Kutay Mahmut
Mehmet-Ali Melih Muhammet Musa Mücahit Nail Nihat Nuri Okan Oktay Ömer-Faruk Rıza Sadık Samet Savaş
Selçuk Serhat Sezer Şükrü Tamer Tayfun Timur Tuna Turgay Veli Yakup Yaşar Yılmaz Yücel Zafer Ozgur Oguz
Ugur Cagri Dogan Goktug Tarik Muhammet-Emin Eyüp Eyup Erdal Ertan Fırat Firat Gürkan Ilhan Mert-Can Ömür
`;

const TURKISH_GIRLS = `
Aleyna Aslı Asya Ayla Aylin Ayşe Ayse Azra Berfin Beyza Buse Büşra Busra Cansu Ceren Damla Defne Derya
Dilara Duygu Ebru Ece Ecrin Eda Ela Elif Emine Esma Esra Eylül Fatma Gizem Gül Gülsüm Hande Hatice Hilal
Hira Hülya İrem Irem Kader Kübra Kubra Medine Melek Meltem Merve Meryem Nazlı Nehir Nisa Nur Nurcan
Özlem Ozlem Pınar Pinar Rabia Rümeysa Seda Selin Sema Serpil Sevda Sevgi Şeyma Seyma Sibel Songül Sude
Sümeyye Tuba Tuğba Tugba Yağmur Yagmur Yasemin Zehra Zeynep Zümra Ayten Bahar Belinay Betül Canan Çiğdem
Dilek Dilan Ecem Elif-Nur Esen Feride Filiz Gamze Gülay Gülşen Hacer Hanife Havva Hümeyra Işıl İlayda
Kevser Leyla Melis Melisa Mine Miray Nazan Nermin Neslihan Nilay Nilüfer Nurhan Öykü Rukiye Sabriye Sena
Serap Şerife Sevim Şule Tülay Tuana Ümran Yeliz Yıldız Zerrin Zübeyde Almina Elanur Eslem Hiranur Zeynep-Nur
`;

const SURINAMESE_ANTILLEAN = `
Aidan Alicia Angelo Anthony Armand Ashwin Ayden Brandon Chayenne Chayen Clarence Darnell Dwayne Dwight Djairo
Elvis Ernesto Gerson Gilbert Giovanni Glenn Gregory Guillermo Ivan Jair Jairo Jamal Jamiro Jandino Jaylen
Jaydon Jayvano Jeandro Jeremiah Jeremy Jermaine Jerrel Jerson Jesaja Jordan Jordy Jurich Jurickson Kenneth
Kenny Kenrick Kevin Lorenzo Luigi Marciano Marvin Maurice Mitchel Naomi Nigel Orlando Quenten Quincy Rayvano
Raymon Rigo Riangelo Rodney Romano Romario Romeo Roshan Rudsel Ryan Shaquille Sherwin Shurandy Stanley
Steven Terrence Tyrone Urvin Virgil Vurnon Winston Xavier Yuri Zion Ashley Chantal Cheyenne Chanel Danielle
Djamilla Gisela Gracia Jamila Janice Jennifer Jolanda Kimberley Latoya Marisela Melissa Mireille Natasha
Nathaly Priscilla Ruthmilda Shanice Shaniqua Shanti Sharona Shirley Sherida Sheila Tatjana Tamira Tiara
Rowena Valencia Wendolyn Yolanda Xiomara Anuska Dahlia Dayenne Esperanza Giselle Jeanette Joy Junaisa Kyara
Lisandra Marilyn Naisha Quisha Roxanne Shaniya Shayenne Soraya Yulisa Zuleika Aniya Ayana Jaylinn Kayleigh
Quinty Romaysa Shayla Thalia Tirzah Vanity Yaël Alesha Delano Dinand Etienne Frenkie Geraldo Hensley
Jurmen Kelvin Leandro Lyonel Mauricio Myron Nordley Percy Quinsy Randall Rashid Regillio Rosano Ruchenello
Sergino Sheraldo Tahith Urby Vernon Wilfried Gino Dino Jurgen Juanito Curtley Denzel Jayvon Jaheim
`;

const HINDUSTANI = `
Anil Anjali Ashok Avinash Bhawna Chandra Deepak Devika Dinesh Girish Gitanjali Hemant Indira Jaswinder
Jitendra Kamla Kavita Kiran Krishna Lakshmi Mahesh Manisha Mohan Naresh Navin Neha Nirmala Pooja Prakash
Pravin Preeti Priya Radj Rajesh Rakesh Ramesh Ravi Reshma Rishi Rohan Sanjay Sarita Satish Shanti Sharmila
Shivani Sunil Suresh Sushila Usha Vijay Vishal Vinod Amrit Anand Anita Arvind Bharti Chitra Dharma
Geeta Gopal Hari Ishwar Jayant Karan Kishan Kumar Laxmi Mala Meena Nandini Nisha Omkar Pramod Raj Raju
Rani Rekha Roshni Sandhya Sangita Shalini Shiva Sita Soenita Sunita Tara Vandana Vikash Aarav Amar Anoesja
Ardjoen Bhiemsen Dewnarain Ganesh Harish Indra Jagdies Kanta Krishan Madhoe Niels-Radj Poerandai Ritesh
Sanjiv Shanti Soerin Soedesh Ramon Tjandrakant Varun Vishnu Yogesh Aditi Akash Aman Ankita Arjun Diya
Ishaan Kavya Nikhil Rahul Riya Rohit Sahil Sameer Shreya Simran Sonia Tanvi Tejas Vikram Yash Zoya Devi
`;

const POLISH = `
Jakub Kacper Szymon Mateusz Bartosz Filip Michał Michal Wiktor Krzysztof Piotr Tomasz Paweł Pawel Łukasz
Lukasz Kamil Dawid Maciej Patryk Oliwer Igor Adrian Marcin Grzegorz Rafał Rafal Sebastian Damian Dominik
Wojciech Mikołaj Mikolaj Antoni Franciszek Stanisław Tymon Aleksander Zuzanna Zofia Maja Wiktoria Natalia
Aleksandra Agnieszka Katarzyna Małgorzata Malgorzata Magdalena Joanna Kinga Oliwia Hania Lena Amelia Gabriela
Weronika Klaudia Karolina Dominika Marta Monika Ewa Justyna Paulina Izabela Agata Kasia Basia Zosia Ola
Patrycja Sylwia Beata Dorota Iwona Jolanta Krystyna Urszula Alicja Julia Milena Nikola Wanda Bożena
Jacek Janusz Jarek Jarosław Kuba Leszek Marek Mariusz Przemysław Robert Ryszard Zbigniew Artur Arkadiusz
Olek Bartek Tomek Wojtek Szymek Hubert Konrad Norbert Radosław Sławomir Tadeusz Daria Emilia Marcelina Nina
Anastazja Aurelia Blanka Hanna Kornelia Laura Liliana Martyna Michalina Nadia Pola Róża Tosia Wiktoria
Andrii Oleksandr Dmytro Mykola Serhii Yulia Oksana Iryna Olena Tetiana Anastasia Sofiia Bohdan Vitalii
Ionut Andrei Mihai Bogdan Gheorghe Florin Alexandru Cristian Ioana Elena Andreea Bianca Georgiana Dimitar
Georgi Ivaylo Hristo Stoyan Desislava Yordanka Rumen Nikolay Petar Emil Valentin Svetlana
`;

const SYRIAN_ARABIC = `
Abdulrahman Abdulkarim Abdulaziz Ahmad Ammar Anas Bashar Fadi Ghaith Hamzah Hussam Jad Karam Khaled Laith
Majd Mahmoud Moaz Mohammad Mouaz Muhammad Obaida Omar Qusay Rami Sami Tarek Yazan Zaid Zaher Nizar Walid
Wael Samer Bassam Nabil Ayham Alaa Amjad Baraa Firas Hadi Haitham Hassan Iyad Kinan Louay Maher Marwan
Mazen Mohannad Muhannad Nour Osama Rabie Raed Ragheb Rashed Saleh Shadi Suhaib Tamer Taim Yamen Yousef
Aya Rama Reem Lamar Lana Hala Heba Raghad Rasha Sidra Yara Zeina Joudi Maysa Ghazal Shahd Batoul Bayan
Raneem Ranim Sham Alaa Asmaa Bushra Dalia Dana Duaa Eman Farah Ghada Hanin Hiba Israa Jana Jouri Kholoud
Lama Lujain Manar Marah Maram Nagham Nisreen Nour-Alhuda Rahaf Rawan Razan Ruba Saja Salam Shaza Tasneem
Widad Yasmeen Zahraa Zainab Abdallah Ibrahim Ismail Jamil Khalil Moustafa Mustafa Nasser Omran Riad
Hasan Hussein Mohamed Adnan Ayman Bilal Elias Fares Hamza Issa Jihad Kareem Mahdi Mounir Qais Salim Sultan
Yahya Yasser Zakaria Amal Farida Huda Lina Maya Mira Nada Nawal Noor Rima Rola Sahar Samar Suha Yasmin
`;

const EAST_AFRICAN = `
Yonas Dawit Filmon Merhawi Tesfay Tesfaldet Kidane Mehari Robel Yohannes Biniam Senait Selam Ruta Lidia
Saba Mebrat Freweini Winta Eden Hiwet Yordanos Semhar Rahel Aklilu Henok Habtom Tekle Amanuel Natnael
Samuel Michael Daniel Elias Abel Aron Berhane Bereket Efrem Ermias Ezana Fitsum Ghirmay Goitom Haile
Hailu Isaias Kibrom Mikael Mussie Negasi Okbay Selamawit Simon Teklu Tewelde Tsegay Yemane Zerai
Abrehet Almaz Aster Azieb Betelhem Elsa Feven Genet Hanna Helen Hermela Luwam Meron Milen Nardos Rigat
Sara Segen Selina Sina Tsega Tsehay Weyni Yodit Yohana Zewdi Abdi Abdirahman Abdullahi Mohamud Mohamed
Hassan Ahmed Ayaan Ayan Hodan Hawa Fadumo Faduma Sahra Hibo Ifrah Nasra Warsame Farah Guled Liban Mahad
Bashir Ismail Yasmin Sagal Ubah Deeqa Hamdi Idil Khadar Samatar Abdiaziz Abdikarim Abdiwali Abdulkadir
Ahmed-Nur Bilan Cabdi Filsan Hamse Hanad Ilhan Iqra Jamac Khadra Layla Maryan Muna Mustaf
Nimco Qamar Ramla Ridwan Roble Sadia Saeed Safiya Shukri Sucaad Sumaya Ugaas Yusra Zamzam Abdisalam
`;

const AFGHAN_IRANIAN = `
Ahmad Mahmood Mohammad Farid Farhad Ali Hamid Jawad Mustafa Sohrab Bilal Wahid Rahim Karim Nasir Zabihullah
Habib Aziz Hamed Shafiq Sayed Massoud Omid Parwiz Zahra Fatima Mariam Maryam Laila Parisa Nilofar Farzana
Shabnam Mursal Madina Nazanin Hosna Sahar Roya Zainab Habiba Ahmadullah Ajmal Asadullah Bahram Basir
Dawood Ehsan Ezatullah Faisal Ghulam Hamidullah Haroon Hekmat Idrees Jamshid Javid Khalid Khan Mansoor
Mehdi Mirwais Mujtaba Naveed Qasim Rahmat Rashid Reza Rohullah Sadiq Samiullah Shahid Sharif Sohail
Tahir Wali Waheed Yama Yasin Zaki Zubair Arash Babak Dariush Kian Kourosh Navid Parsa Payam Ramin Siamak
Amir Amirhossein Armin Behnam Behzad Hossein Mehran Mohsen Pouya Saeed Shayan Soroush Afsaneh Arezoo
Azadeh Bahar Darya Elham Farnaz Golnaz Leila Mahsa Maryam Mina Nasrin Neda Negar Niloofar Pari Parvin
Samira Sara Setareh Shirin Soraya Tahmina Taraneh Yalda Yasaman Zohreh Freshta Gulalai Hadia Homa Khatera
Malalai Marzia Masooma Mozhgan Nargis Palwasha Rahela Sadaf Shukria Sima Wahida Zarghona Zohal Zuhra
`;

const CAPE_VERDEAN_LUSO = `
Djamilson Edson Nelson Helder Adilson Ailton Cláudio Claudio Jailson Euclides Manuel José Jose Carlos Paulo
Amílcar Mário Odair Ivanildo Elisângela Sandra Vanessa Marisa Nilda Jandira Ana Maria Zenaida Lenira
Admilson Alcides Anílton Arlindo Bruno Danilson Dário Denilson Domingos Eder Edmilson Eduardo Emanuel
Fábio Fernando Francisco Gelson Hélio Hugo Ivanilson Jaílton Joaquim Jorge Jucelino Leonel Lúcio Luís
Luis Marcelino Márcio Marco Nuno Pedro Raúl Ricardo Rúben Rui Sérgio Silvano Tiago Valdemar Vítor
Wilson Adriana Alda Amália Carla Celeste Cristina Dulce Edna Elisa Ercília Fátima Filomena Graça Ilda
Inês Irene Isaura Jéssica Joana Leonor Liliana Lúcia Madalena Mafalda Natália Nádia Odete Patrícia
Rosa Rosária Sónia Susana Telma Teresa Yara Zulmira Kelly Keyla Kátia Neusa Djenifer Jandir Kenedy
`;

const INTERNATIONAL_COMMON = `
Aiden Alejandro Alessandro Alexis Alvaro Andrea Andreas Angela Angelina Anthony Antonio Ariana Arianna Aurora
Beatriz Carmen Catalina Christina Daniela Dante Diego Eduardo Elena Eliza Emilia Emily Enzo Esteban Fernanda
Francesca Gabriela Giulia Hector Isaac Javier Jesús Juan Juliana Leonardo Lucia Luciana Luis-Miguel Marcos
Mariana Mateo Matteo Miguel Nathalia Pablo Paola Rafaela Raquel Rodrigo Salvador Samantha Santiago Sebastián
Sofía Valeria Ximena Lucía Pietro Giorgio Francesco Alessia Chiara Martina Federica Giorgia Ilaria
Charlie Harry Oscar George Freddie Alfie Archie Jacob Theo Leo Henry Amelia Isla Ava Grace Poppy
Chloe Ellie Evie Freya Ivy Lily Sienna Willow Aria Madison Brooklyn Chelsea Dakota Jasmine Nicolas
Kyan Kylian Kylan Mohammed-Ali Noël Noelle Pierre Quentin Romain Théo Thibault Yanis Yanis Ilyes Ayoub
Wassim Nassim Sofiane Karima Lilou Manon Maëlle Maelys Océane Inaya Kenzo Jayson Jaydan Jaylano Jivano
`;

/** All first names (duplicates are removed when the lookup Set is built). */
export const FIRST_NAMES: readonly string[] = [
  DUTCH_BOYS,
  DUTCH_GIRLS,
  MOROCCAN_BOYS,
  MOROCCAN_GIRLS,
  TURKISH_BOYS,
  TURKISH_GIRLS,
  SURINAMESE_ANTILLEAN,
  HINDUSTANI,
  POLISH,
  SYRIAN_ARABIC,
  EAST_AFRICAN,
  AFGHAN_IRANIAN,
  CAPE_VERDEAN_LUSO,
  INTERNATIONAL_COMMON,
]
  .join(' ')
  .split(/\s+/)
  .filter((n) => n.length > 0);

/**
 * First names whose lower-case form is a common Dutch word. Mid-sentence with a capital they are
 * names (unless an article precedes: "de Roos"); at the start of a sentence they need context
 * (a verb such as "heeft", a surname, "(15)", …). Lower case, no accents.
 */
export const AMBIGUOUS_FIRST_NAMES: readonly string[] = [
  'roos', 'mark', 'bas', 'ben', 'bob', 'job', 'storm', 'fleur', 'iris', 'merel', 'amber', 'jade',
  'linde', 'lente', 'lieve', 'max', 'mees', 'puck', 'hazel', 'lot', 'jet', 'can', 'joy', 'grace',
  'rosa', 'nova', 'rim', 'eden', 'willow', 'poppy', 'lily', 'sky', 'skye', 'mare', 'bo', 'boy',
  'age', 'abe', 'ate', 'ids', 'flip', 'ton', 'dick', 'jack', 'dean', 'kai', 'seth', 'lies', 'salam',
  'sultan', 'bahar', 'riek', 'kader', 'mine', 'tuna', 'alp', 'berk', 'lama', 'aster', 'aria',
  'frank', 'rob', 'els', 'ellen', 'tuba', 'tiara', 'dino', 'romeo', 'jihad', 'kelvin', 'nelson',
  'valentijn', 'madelief', 'marjolein', 'dahlia', 'emir', 'aurora', 'jasmijn',
];

/**
 * First names that are far more often something else in these texts (a language, a nationality,
 * a brand, a city): only a name with strong context — a surname after it, or after "genaamd",
 * "heet", "meneer", "broer van", …
 */
export const CONTEXT_ONLY_FIRST_NAMES: readonly string[] = [
  'frans', 'noor', 'jordan', 'mercedes', 'chanel', 'kenzo', 'milan', 'sofia', 'victoria', 'florence',
  'chelsea', 'madison', 'brooklyn', 'dakota', 'khan', 'kumar', 'santiago', 'salvador', 'dante',
  'india', 'georgia', 'paris', 'celeste', 'valencia', 'esperanza', 'kuba', 'isis',
];
