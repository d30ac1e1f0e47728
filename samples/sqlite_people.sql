PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE "people" (
  "id" TEXT,
  "given_name" TEXT,
  "surname" TEXT,
  "phone" TEXT,
  "email" TEXT,
  "upi" TEXT,
  "national_id" TEXT,
  "city" TEXT,
  "created_ms" TEXT,
  "internal_ref" TEXT,
  "status" TEXT,
  "merchant" TEXT,
  "note" TEXT,
  PRIMARY KEY ("id")
);
INSERT INTO people VALUES(100003,'Timothy',NULL,'011-5816-1259',NULL,'timothy.batta@okhdfcbank',NULL,'New Delhi',1727738308075,NULL,'pending','Acme Groceries',NULL);
INSERT INTO people VALUES(100006,'Aggie','Story','+1 303-555-0172','aggiestory99@example.net',NULL,NULL,'Denver',1727738534861,NULL,'inactive','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100009,'Jessika','Uniaque','(212) 555-0154','uniaque.jessika@example.com',NULL,'042-71-4901','New York',1727739065987,4967674442341538,'active','Acme Groceries','Change, after cashback, caused. An, try damaged after.');
INSERT INTO "people" VALUES(100011,'Annika','Sutton',NULL,X'737574746f6e2e616e6e696b61406578616d706c652e636f6d',NULL,NULL,'Seattle',1727739670694,8780346958505113,'active','City Pharmacy',NULL);
INSERT INTO people VALUES(100012,NULL,NULL,NULL,NULL,NULL,NULL,'Leeds',NULL,NULL,'blocked',NULL,'Today when tomorrow thread new noted.');
INSERT INTO people VALUES(100014,'Ming Zi','Oei','+65 8266 7208','mingzi_oei@in.example.net',NULL,'G8016258N','Singapore',1727739699516,NULL,'blocked',NULL,'Fast office network.');
INSERT INTO people VALUES(100017,NULL,NULL,NULL,NULL,NULL,NULL,'London',NULL,NULL,'active','Blue Dart Kirana',NULL);
INSERT INTO "people" VALUES(100020,'Wridesh','Bath','+91 75615 70753',X'777269646573682e62617468406578616d706c652e6e6574',NULL,NULL,'Lucknow',1727741081869,NULL,'active','Blue Dart Kirana',NULL);
INSERT INTO people VALUES(100023,NULL,NULL,NULL,NULL,NULL,NULL,'Jaipur',NULL,NULL,'inactive','Saffron Kitchen','On to, fast followed.');
INSERT INTO "people" VALUES(100025,'Veda','Barad','+91 96790 21481','vedabarad66@example.net','vedabarad117@okhdfcbank','3117 5578 2360','New Delhi',1727742266214,NULL,'active',NULL,'Package, service I end an plan office replacement.');
INSERT INTO "people" VALUES(100028,NULL,NULL,NULL,NULL,NULL,NULL,'Hyderabad',NULL,NULL,'active',NULL,'Customer apologies when page complete screen network, side will.');
INSERT INTO "people" VALUES(100031,'Ansh','De','+917173340592',NULL,NULL,NULL,'Hyderabad',1727743279479,NULL,'blocked','Blue Dart Kirana','Replacement working. Will we shared expired incomplete please balance package.');
INSERT INTO "people" VALUES(100033,NULL,'bin Shafiq',NULL,NULL,NULL,NULL,'Singapore',1727743826203,NULL,'inactive',NULL,NULL);
INSERT INTO people VALUES(100034,'Devansh','Nadkarni','+91 62586 49727',X'646576616e73686e61646b61726e693136406578616d706c652e6f7267','devansh.nadkarni@ybl',NULL,'Indore',1727744104218,NULL,'blocked','Saffron Kitchen','Team documents branch.');
INSERT INTO people VALUES(100036,'Jie Fen','Bai','+65 9013 8270','jiefen1973@corp.example.org',NULL,NULL,'Singapore',1727744579703,NULL,'inactive',NULL,'Please issue will.');
INSERT INTO people VALUES(100037,NULL,NULL,NULL,NULL,NULL,NULL,'Hyderabad',NULL,NULL,'pending','City Pharmacy','Over, it network account visit upgrade, expired offer cancel.');
INSERT INTO people VALUES(100039,'Hiral','Varkey','92884 70931','h.varkey@example.org','hiral.varkey@ibl',NULL,'Ahmedabad',1727745700982,4806017306523947,'inactive',NULL,'Try old yesterday app coupon have.');
INSERT INTO people VALUES(100041,NULL,NULL,NULL,NULL,NULL,NULL,'Denver',NULL,NULL,'inactive','Orbit Electronics',NULL);
INSERT INTO "people" VALUES(100043,'Netra','Mishra','+91 97831 06577',X'4e657472615f4d697368726140436f72702e4578616d706c652e4f7267',NULL,NULL,'Mumbai',1727746700082,4246505177843723,'active',NULL,NULL);
INSERT INTO "people" VALUES(100046,NULL,NULL,NULL,NULL,NULL,NULL,'Ahmedabad',NULL,NULL,'blocked','Blue Dart Kirana','User three offer three network complete service user end.');
INSERT INTO people VALUES(100047,'Juan Xin','Juan','+6561692166','juanxin.juan+shop@in.example.net',NULL,'S1915505F','Singapore',1727747974354,NULL,'active',NULL,NULL);
INSERT INTO people VALUES(100048,NULL,NULL,NULL,NULL,NULL,NULL,'Bengaluru',NULL,NULL,'active','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100049,'Xavier','Tiwari',NULL,'xavier_tiwari@example.net',NULL,'8937-1418-4740','Jaipur',1727748465246,NULL,'active','Blue Dart Kirana',NULL);
INSERT INTO people VALUES(100050,NULL,NULL,NULL,NULL,NULL,NULL,'Kochi',NULL,NULL,'inactive',NULL,'Kindly. Request says tonight offer end.');
INSERT INTO "people" VALUES(100051,NULL,NULL,NULL,NULL,NULL,NULL,'Jaipur',NULL,NULL,'pending','Blue Dart Kirana','Plan pending upgrade noted. After.');
INSERT INTO people VALUES(100053,'Vaishnavi','Dhawan','94260 17483',X'762e64686177616e406578616d706c652e6e6574','7687416826@okhdfcbank',NULL,'New Delhi',1727749397838,4370637659146248,'active',NULL,'Update, closed branch your.');
INSERT INTO people VALUES(100055,'Amaira','Batta','096174-37721','amairabatta42@in.example.net','amairabatta656@axl','5085-6588-9402','New Delhi',1727750048205,NULL,'pending','City Pharmacy',NULL);
INSERT INTO "people" VALUES(100057,NULL,NULL,NULL,NULL,NULL,NULL,'Ahmedabad',NULL,NULL,'active','Orbit Electronics','Good bad delivery shows package closed soon slow offer.');
INSERT INTO people VALUES(100059,NULL,'Sidhu','079-6651-4737',NULL,'varshasidhu638@ibl',NULL,'Ahmedabad',1727750133971,NULL,'active','Urban Threads',NULL);
INSERT INTO people VALUES(100061,'Hiral','Rattan','080-2969-9857',NULL,'8287772480@okicici',NULL,'Bengaluru',1727750897294,4627182046084977,'active',NULL,NULL);
INSERT INTO people VALUES(100064,NULL,NULL,NULL,NULL,NULL,NULL,'Hyderabad',NULL,NULL,'pending',NULL,'Up subscription box apologies.');
INSERT INTO "people" VALUES(100065,'Vivaan','Pradhan','+91 87786 91170','vivaan.pradhan@example.net',NULL,'6535 4588 0075','Jaipur',1727752144737,NULL,'active','Orbit Electronics',NULL);
INSERT INTO "people" VALUES(100067,NULL,NULL,NULL,NULL,NULL,NULL,'Pune',NULL,NULL,'active','City Pharmacy','Apologies closed applied login three plan item change new item.');
INSERT INTO people VALUES(100070,'Zashil','Bal','+91 82716 83339','zashilbal25@in.example.net',NULL,'7793 0328 7279','Indore',1727753443569,NULL,'pending',NULL,NULL);
INSERT INTO people VALUES(100073,NULL,NULL,NULL,NULL,NULL,NULL,'Bristol',NULL,NULL,'pending',NULL,NULL);
INSERT INTO "people" VALUES(100075,NULL,NULL,NULL,NULL,NULL,NULL,'Kolkata',NULL,NULL,'inactive',NULL,'Says followed, fails. Status fails team email screen error.');
INSERT INTO "people" VALUES(100076,'Venita','Wilderman','+44 7700 900805','venita_wilderman@example.org',NULL,NULL,'Edinburgh',1727755037250,NULL,'active','Acme Groceries',NULL);
INSERT INTO "people" VALUES(100079,'Januja','Bassi',NULL,NULL,'9032793647@paytm','2524 5721 1184','Mumbai',1727755658030,NULL,'pending','Metro Fuel Station','End feedback I to verified closed still.');
INSERT INTO people VALUES(100081,NULL,NULL,NULL,NULL,NULL,NULL,'Kochi',NULL,NULL,'pending','Acme Groceries',NULL);
INSERT INTO people VALUES(100082,'Neel','Mahajan',NULL,NULL,NULL,NULL,'Coimbatore',1727756330901,NULL,'active','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100083,'Rome','Lardner','+1-212-555-0176','rome_lardner@example.net',NULL,'332 83 7549','New York',1727756894165,NULL,'pending','Metro Fuel Station',NULL);
INSERT INTO people VALUES(100085,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'pending','Blue Dart Kirana',NULL);
INSERT INTO people VALUES(100086,'Dominic','Banik',NULL,'d.banik@example.com',NULL,'2133-8756-1240','Pune',1727757675532,NULL,'blocked','Urban Threads',NULL);
INSERT INTO "people" VALUES(100088,NULL,NULL,NULL,NULL,NULL,NULL,'New York',NULL,NULL,'active','Urban Threads',NULL);
INSERT INTO people VALUES(100090,NULL,'Verma','77508 63575','manthan.verma+shop@corp.example.org','manthanverma993@ibl',NULL,'Indore',1727758269067,NULL,'inactive','City Pharmacy','Update caused email noted app soon.');
INSERT INTO people VALUES(100093,NULL,NULL,NULL,NULL,NULL,NULL,'San Francisco',NULL,NULL,'pending','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100096,'Janaki','Gulati','60420 66007',X'6a616e616b692e67756c6174692b73686f7040636f72702e6578616d706c652e6f7267',NULL,NULL,'Indore',1727759550635,NULL,'active','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100098,'सुनीता','यादव','044-4723-7012','s.yadav@in.example.net','sunita.yadav@paytm',NULL,'Chennai',1727759978422,6987568113714240,'active','City Pharmacy','Working agent feedback account.');
INSERT INTO people VALUES(100099,NULL,NULL,NULL,NULL,NULL,NULL,'Chennai',NULL,NULL,'active','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100101,'Odell','Palmer','+1-512-555-0167',NULL,NULL,NULL,'Austin',1727760456140,4540176292263156,'pending','City Pharmacy',NULL);
INSERT INTO people VALUES(100102,NULL,NULL,NULL,NULL,NULL,NULL,'Jaipur',NULL,NULL,'blocked',NULL,'Subscription month. Box was by. Since customer.');
INSERT INTO "people" VALUES(100103,'विकास','मिश्रा','93060-56114',NULL,NULL,NULL,'Kochi',1727761217633,9588745687251919,'inactive',NULL,'Checked please please and will.');
INSERT INTO "people" VALUES(100106,NULL,NULL,NULL,NULL,NULL,NULL,'Kolkata',NULL,NULL,'active',NULL,NULL);
INSERT INTO "people" VALUES(100107,'Jatin','Bava','060679-55300','Jatin.Bava@Example.Net','jatinbava492@okicici',NULL,'Kochi',1727762294457,NULL,'active','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100109,NULL,NULL,NULL,NULL,NULL,NULL,'Pune',NULL,NULL,'inactive','Saffron Kitchen',NULL);
INSERT INTO people VALUES(100111,'Hollis','Ullrich','+1-512-555-0192','hollis.ullrich@corp.example.org',NULL,'768-20-0947','Austin',1727762926686,4771731857754427,'active',NULL,NULL);
INSERT INTO people VALUES(100114,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'active','Orbit Electronics',NULL);
INSERT INTO people VALUES(100115,NULL,NULL,NULL,NULL,NULL,NULL,'Chennai',NULL,NULL,'active','Saffron Kitchen','Upgrade fast, delivery.');
INSERT INTO "people" VALUES(100117,'Simon','Kannan','+91 62660 10301',X'6b616e6e616e2e73696d6f6e406578616d706c652e6f7267',NULL,NULL,'Indore',1727764584525,NULL,'active','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100118,'Meera','Saxena','+91-77719-14566','meera.saxena@example.com','7831400558@okicici',NULL,'Mumbai',1727765046659,8887433008618989,'active','Metro Fuel Station',NULL);
INSERT INTO people VALUES(100119,NULL,NULL,NULL,NULL,NULL,NULL,'Chennai',NULL,NULL,'blocked',NULL,NULL);
INSERT INTO people VALUES(100121,NULL,NULL,NULL,NULL,NULL,NULL,'London',NULL,NULL,'active',NULL,'Incomplete and complete morning. App, downgrade package after.');
INSERT INTO "people" VALUES(100122,'Advay','Bath','0091 77906 63337','advay1993@corp.example.org','advay.bath@paytm','8942 2234 9685','Pune',1727767223069,NULL,'active','Saffron Kitchen','Weekend verified box incomplete after.');
INSERT INTO people VALUES(100124,NULL,NULL,NULL,NULL,NULL,NULL,'Coimbatore',NULL,NULL,'pending','Orbit Electronics',NULL);
INSERT INTO people VALUES(100127,'Yashawini','Karan','040-3460-2003','karan.yashawini@example.com','yashawinikaran500@apl',NULL,'Hyderabad',1727768805367,NULL,'active','Orbit Electronics',NULL);
INSERT INTO people VALUES(100129,NULL,NULL,NULL,NULL,NULL,NULL,'Pune',NULL,NULL,'inactive',NULL,'Ticket coupon requested change followed details.');
INSERT INTO "people" VALUES(100130,'Juan Keng','Lien','+65 9712 7707','j.lien@in.example.net',NULL,NULL,'Singapore',1727769338235,NULL,'active','Urban Threads',NULL);
INSERT INTO people VALUES(100132,'Hayward','Graham','+44 20 7946 0358','haywardgraham81@in.example.net',NULL,NULL,'Edinburgh',1727769610274,NULL,'pending','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100134,NULL,NULL,NULL,NULL,NULL,NULL,'Chennai',NULL,NULL,'active',NULL,NULL);
INSERT INTO "people" VALUES(100137,'Zashil','Sankar','080-4226-1307','sankar.zashil@in.example.net',NULL,NULL,'Bengaluru',1727770348608,5111257488009920,'active','City Pharmacy','Requested please replacement.');
INSERT INTO people VALUES(100140,NULL,NULL,NULL,NULL,NULL,NULL,'Chennai',NULL,NULL,'inactive','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100142,'Ibrahim','binte Shafiq','+6583422688','BINTESHAFIQ.IBRAHIM@IN.EXAMPLE.NET',NULL,NULL,'Singapore',1727771015532,8948417200102543,'inactive',NULL,NULL);
INSERT INTO "people" VALUES(100144,NULL,NULL,NULL,NULL,NULL,NULL,'Bengaluru',NULL,NULL,'pending',NULL,NULL);
INSERT INTO "people" VALUES(100147,NULL,NULL,NULL,NULL,NULL,NULL,'Pune',NULL,NULL,'inactive',NULL,'Kindly replacement kindly when. Three old followed resolved late login.');
INSERT INTO "people" VALUES(100149,'William','Thakur','+91 90810 19865','william.thakur@example.org','william.thakur@paytm',NULL,'Coimbatore',1727771502754,NULL,'active','Orbit Electronics','Apologies was renewal week blank yesterday.');
INSERT INTO people VALUES(100152,'Pallavi','Gole','+91 81273 51962','gole.pallavi@corp.example.org','pallavigole329@okicici','2487 8434 5838','Jaipur',1727771937801,NULL,'inactive',NULL,'Working expired plan. Credited still.');
INSERT INTO people VALUES(100155,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'inactive',NULL,'Screen, issue on on new an network new.');
INSERT INTO people VALUES(100156,'Sneha','Swamy','092550 38907','sneha.swamy@corp.example.org',NULL,NULL,'Indore',1727773285787,NULL,'active','Blue Dart Kirana',NULL);
INSERT INTO "people" VALUES(100159,NULL,NULL,NULL,NULL,NULL,NULL,'Denver',NULL,NULL,'pending','Saffron Kitchen',NULL);
INSERT INTO people VALUES(100160,'Tarak','Vyas','+916751082880','tarakvyas92@example.com',NULL,'9308-2105-8019','Lucknow',1727773916607,8636972184464589,'active','Orbit Electronics','Message today applied thanks. User.');
INSERT INTO "people" VALUES(100162,NULL,NULL,NULL,NULL,NULL,NULL,'Pune',NULL,NULL,'blocked','Acme Groceries',NULL);
INSERT INTO people VALUES(100164,NULL,'Bhat','076816-50300','isaiahbhat41@corp.example.org',NULL,'2427 1495 5957','Kolkata',1727774839785,4526485968474437,'active',NULL,NULL);
INSERT INTO "people" VALUES(100167,NULL,NULL,NULL,NULL,NULL,NULL,'Kochi',NULL,NULL,'active',NULL,NULL);
INSERT INTO people VALUES(100170,NULL,NULL,NULL,NULL,NULL,NULL,'Mumbai',NULL,NULL,'active','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100173,'Amaira','Kalla','(303) 555-0159','a.kalla@example.org',NULL,NULL,'Denver',1727775312539,NULL,'pending','Saffron Kitchen','Upgrade, over office visit not.');
INSERT INTO "people" VALUES(100175,'Rishi',NULL,'+91 86805 14347','RISHI1954@MAIL.EXAMPLE.COM',NULL,NULL,'Indore',1727775347814,4582357801503717,'active','Urban Threads',NULL);
INSERT INTO people VALUES(100177,NULL,NULL,NULL,NULL,NULL,NULL,'Coimbatore',NULL,NULL,'pending','Metro Fuel Station',NULL);
INSERT INTO people VALUES(100180,'Eliezer','McAleenan','+44 7700 900062',X'656c69657a65722e6d63616c65656e616e2b73686f70406578616d706c652e636f6d',NULL,NULL,'London',1727775863273,NULL,'active',NULL,'Team be change.');
INSERT INTO people VALUES(100183,NULL,NULL,NULL,NULL,NULL,NULL,'Chennai',NULL,NULL,'active',NULL,NULL);
INSERT INTO people VALUES(100185,'Flavia','Schroeder','+44 20 7946 0660','flavia_schroeder@in.example.net',NULL,NULL,'London',1727777264735,NULL,'pending','Acme Groceries','Complete inconvenience thread cancel shows offer page apologies.');
INSERT INTO people VALUES(100186,'Aminah','binte Muhammad',NULL,'bintemuhammad.aminah@mail.example.com',NULL,NULL,'Singapore',1727777919610,NULL,'active','Acme Groceries',NULL);
INSERT INTO "people" VALUES(100187,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'active',NULL,'Kyc replacement soon after for their.');
INSERT INTO "people" VALUES(100188,'Champak','Sekhon','079-6809-5368','champak.sekhon+shop@in.example.net',NULL,NULL,'Ahmedabad',1727778655613,NULL,'active',NULL,NULL);
INSERT INTO people VALUES(100191,'Janani','Pall','74111 90783',NULL,NULL,NULL,'Mumbai',1727778763479,7001296021838600,'active',NULL,'Plan complete change invalid team status checked, customer.');
COMMIT;
