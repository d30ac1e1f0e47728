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
INSERT INTO people VALUES(100002,'Vidya','Subramanian','0091 95707 32132',NULL,'vidyasubramanian543@ybl',NULL,'Mumbai',1710181586353,NULL,'active','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100005,'Karthik','Sen','+91 67211 28559','sen.karthik@example.org','karthik.sen@upi',NULL,'Coimbatore',1710182038700,NULL,'active','Metro Fuel Station','Visit, ticket an requested update the, cancel verified.');
INSERT INTO people VALUES(100007,NULL,NULL,NULL,NULL,NULL,NULL,'Lucknow',NULL,NULL,'active','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100008,'Zoya','Tiwari',NULL,'zoya_tiwari@corp.example.org','zoya.tiwari@apl',NULL,'Kolkata',1710183217953,NULL,'blocked','City Pharmacy',NULL);
INSERT INTO people VALUES(100010,'Isha','Krishnan','65066-39023','isha.krishnan@example.net','isha.krishnan@okhdfcbank',NULL,'Mumbai',1710183303532,NULL,'pending','Saffron Kitchen',NULL);
INSERT INTO people VALUES(100011,'Ayesha','Yadav','088205-66162','ayeshayadav23@example.com','ayeshayadav429@upi',NULL,'Kochi',1710183313994,NULL,'active',NULL,NULL);
INSERT INTO "people" VALUES(100014,NULL,NULL,NULL,NULL,NULL,NULL,'Chennai',NULL,NULL,'inactive',NULL,'Fast please app the. Try. The.');
INSERT INTO "people" VALUES(100017,NULL,NULL,NULL,NULL,NULL,NULL,'Kochi',NULL,NULL,'inactive',NULL,'Complete, will the. Upgrade. Open old. Help.');
INSERT INTO "people" VALUES(100020,'William','Wright','+44 7700 900190',NULL,NULL,NULL,'Manchester',1710184650337,NULL,'active',NULL,'Branch checked weekend inconvenience open cashback thanks closed.');
INSERT INTO people VALUES(100023,'Vidya','Sen','+91 64543 69742','vidyasen65@example.org',NULL,'8720 1925 5087','Kochi',1710185038238,NULL,'pending','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100025,NULL,NULL,NULL,NULL,NULL,NULL,'Kolkata',NULL,NULL,'active',NULL,'Help office later, again.');
INSERT INTO people VALUES(100026,'Venkat','Siddiqui','+917694074615','venkat1985@in.example.net','8568695884@okhdfcbank','4020 6754 6628','Kochi',1710185387348,NULL,'inactive','Urban Threads',NULL);
INSERT INTO "people" VALUES(100027,NULL,NULL,NULL,NULL,NULL,NULL,'Boston',NULL,NULL,'active','Urban Threads','The yesterday. Closed closed upgrade.');
INSERT INTO people VALUES(100029,'செல்வி','கிருஷ்ணன்','+91 65651 03145','Selvi.Krishnan@Mail.Example.Com','7649129658@ibl','4486 5269 6719','Ahmedabad',1710186973250,NULL,'blocked',NULL,NULL);
INSERT INTO people VALUES(100031,NULL,NULL,NULL,NULL,NULL,NULL,'London',NULL,NULL,'active',NULL,NULL);
INSERT INTO "people" VALUES(100034,NULL,NULL,NULL,NULL,NULL,NULL,'Indore',NULL,NULL,'active','Saffron Kitchen',NULL);
INSERT INTO people VALUES(100037,'Venkat','Sharma','+91 92600 75574','venkat.sharma@corp.example.org','venkat.sharma@okicici',NULL,'New Delhi',1710189202812,NULL,'active',NULL,NULL);
INSERT INTO "people" VALUES(100038,NULL,NULL,NULL,NULL,NULL,NULL,'Jaipur',NULL,NULL,'pending',NULL,'Checked agent weekend an old will.');
INSERT INTO "people" VALUES(100040,'Anjali','Nair','0091 96917 80933','a.nair@example.net','8011509285@okaxis',NULL,'Kochi',1710190506619,NULL,'active','Metro Fuel Station','Not fails. Try verified item bad.');
INSERT INTO people VALUES(100041,NULL,NULL,NULL,NULL,NULL,NULL,'Indore',NULL,NULL,'blocked','City Pharmacy',NULL);
INSERT INTO people VALUES(100043,'Imran','Srinivasan','+919090326878','imran.srinivasan@in.example.net',NULL,NULL,'Chennai',1710191198305,NULL,'active','Orbit Electronics','Slow verified and wrong apologies.');
INSERT INTO people VALUES(100045,'Deepak','Fernandes','+919222670703','Deepak1998@Example.Com','deepak.fernandes@okicici',NULL,'Lucknow',1710191958901,4186988202206854,'inactive',NULL,NULL);
INSERT INTO people VALUES(100048,NULL,NULL,NULL,NULL,NULL,NULL,'Ahmedabad',NULL,NULL,'active','Urban Threads',NULL);
INSERT INTO "people" VALUES(100051,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'pending','Orbit Electronics',NULL);
INSERT INTO "people" VALUES(100054,'Aditi','Iyer','+91-84612-34937',X'61646974695f69796572406578616d706c652e6e6574',NULL,NULL,'Kochi',1710192972786,NULL,'inactive',NULL,NULL);
INSERT INTO people VALUES(100057,NULL,NULL,NULL,NULL,NULL,NULL,'New Delhi',NULL,NULL,'inactive','Acme Groceries',NULL);
INSERT INTO people VALUES(100059,'Sunil','Iyer','+91 71741 46852',NULL,NULL,NULL,'Kochi',1710193437385,4668373664407760,'active','City Pharmacy',NULL);
INSERT INTO "people" VALUES(100062,NULL,NULL,NULL,NULL,NULL,NULL,'Indore',NULL,NULL,'active',NULL,'Coupon on since. Change item renewal.');
INSERT INTO people VALUES(100065,'Gaurav','Chatterjee','022-4349-4297','gaurav_chatterjee@example.net',NULL,NULL,'Mumbai',1710194311474,NULL,'inactive',NULL,NULL);
INSERT INTO people VALUES(100067,'Venkat','Mathew','70464 75452','Venkat1980@Corp.Example.Org','venkat.mathew@axl',NULL,'Mumbai',1710194962957,NULL,'inactive','Blue Dart Kirana','Subscription replacement, checked credited. Help.');
INSERT INTO people VALUES(100070,NULL,NULL,NULL,NULL,NULL,NULL,'New Delhi',NULL,NULL,'active','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100072,'Pooja','Rao',NULL,'pooja.rao+shop@corp.example.org','poojarao149@okaxis',NULL,'Kochi',1710196069577,4044754374147322,'active',NULL,NULL);
INSERT INTO "people" VALUES(100075,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'active','Acme Groceries','Complete downgrade with plan update details this good.');
INSERT INTO people VALUES(100077,'Oliver',NULL,'+44 20 7946 0862','oliver_brown@in.example.net',NULL,NULL,'Edinburgh',1710196824427,NULL,'active',NULL,'Shows inconvenience pay. Customer wallet since subscription says.');
INSERT INTO people VALUES(100079,'Farhan','Qureshi','+916658116964',NULL,NULL,'7688 8426 1574','Coimbatore',1710197468136,NULL,'blocked','Orbit Electronics',NULL);
INSERT INTO "people" VALUES(100080,NULL,NULL,NULL,NULL,NULL,NULL,'Atlanta',NULL,NULL,'active','Urban Threads','Yesterday thread. Our looks please help.');
INSERT INTO "people" VALUES(100081,'Deepa','Mukherjee','+6593706840',NULL,NULL,'S1676932J','Singapore',1710198093623,8915928744025940,'active','City Pharmacy','Branch not working.');
INSERT INTO "people" VALUES(100083,NULL,NULL,NULL,NULL,NULL,NULL,'New Delhi',NULL,NULL,'active','Orbit Electronics',NULL);
INSERT INTO people VALUES(100085,'Lucas','Davis','(303) 555-0125','lucas.davis@example.net',NULL,NULL,'Denver',1710199035427,NULL,'blocked',NULL,'Again, is arrived agent error.');
INSERT INTO "people" VALUES(100088,NULL,NULL,NULL,NULL,NULL,NULL,'Mumbai',NULL,NULL,'inactive','Urban Threads','Reopened. Office end app message damaged over.');
INSERT INTO "people" VALUES(100091,'Rizwan','Wong','+65 8783 7610','rizwan_wong@mail.example.com',NULL,NULL,'Singapore',1710199571834,NULL,'inactive',NULL,NULL);
INSERT INTO people VALUES(100094,'Thomas','Thompson','+447700900401',NULL,NULL,NULL,'Leeds',1710200044454,4744595092584368,'active','City Pharmacy',NULL);
INSERT INTO people VALUES(100096,NULL,NULL,NULL,NULL,NULL,NULL,'Bengaluru',NULL,NULL,'blocked','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100098,'Neha','Patel',NULL,NULL,'nehapatel812@axl',NULL,'Kochi',1710200624444,NULL,'inactive',NULL,'Old complete renewal. Replacement downgrade scheduled customer box blank status.');
INSERT INTO people VALUES(100101,'Neha','D''Souza','067550-76058',NULL,NULL,NULL,'New Delhi',1710200672041,NULL,'inactive',NULL,NULL);
INSERT INTO people VALUES(100104,NULL,NULL,NULL,NULL,NULL,NULL,'Ahmedabad',NULL,NULL,'active',NULL,NULL);
INSERT INTO "people" VALUES(100105,'Anil','Chauhan','+916913863291','anil1975@mail.example.com',NULL,NULL,'Jaipur',1710201421220,NULL,'active',NULL,NULL);
INSERT INTO "people" VALUES(100106,NULL,NULL,NULL,NULL,NULL,NULL,'Hyderabad',NULL,NULL,'active','Acme Groceries','Checked update engineering network closed arrived yesterday renewal I.');
INSERT INTO "people" VALUES(100107,'Neha','Chauhan','+91-62769-12867','CHAUHAN.NEHA@EXAMPLE.COM','neha.chauhan@apl',NULL,'Bengaluru',1710202960878,NULL,'active','Blue Dart Kirana',NULL);
INSERT INTO "people" VALUES(100108,NULL,NULL,NULL,NULL,NULL,NULL,'Seattle',NULL,NULL,'blocked','Acme Groceries',NULL);
INSERT INTO "people" VALUES(100109,'Jia Wei','Wong','+6596232180','JIAWEI.WONG@EXAMPLE.NET',NULL,NULL,'Singapore',1710203751267,NULL,'active','Urban Threads','Your later downgrade missing, support please.');
INSERT INTO "people" VALUES(100112,'Ayesha','Patel','+91 66183 99828','ayeshapatel21@mail.example.com',NULL,'3937 5522 8349','Pune',1710203769759,NULL,'active','Orbit Electronics',NULL);
INSERT INTO people VALUES(100114,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'blocked',NULL,'Waiting apologies, error message plan complete request your.');
INSERT INTO people VALUES(100117,'Pradeep','Singh','+91 76725 14954','pradeepsingh77@example.org',NULL,'7353 7109 7801','Lucknow',1710204675768,NULL,'inactive',NULL,NULL);
INSERT INTO "people" VALUES(100119,NULL,NULL,NULL,NULL,NULL,NULL,'New York',NULL,NULL,'active','Acme Groceries',NULL);
INSERT INTO "people" VALUES(100121,NULL,NULL,NULL,NULL,NULL,NULL,'Hyderabad',NULL,NULL,'active','Urban Threads',NULL);
INSERT INTO people VALUES(100122,'Karan','Sen','+916960055479','karan.sen+shop@example.org',NULL,NULL,'Bengaluru',1710206789362,NULL,'active',NULL,NULL);
INSERT INTO "people" VALUES(100124,NULL,NULL,NULL,NULL,NULL,NULL,'Lucknow',NULL,NULL,'active',NULL,'Days damaged network slow inconvenience fast refund end.');
INSERT INTO people VALUES(100126,NULL,'Tay','+6594340160','jiawei1961@mail.example.com',NULL,NULL,'Singapore',1710207567506,8398431672165727,'active','Orbit Electronics',NULL);
INSERT INTO "people" VALUES(100128,'Rahul','Joshi','+91 62643 90257','Joshi.Rahul@Corp.Example.Org',NULL,'2559 9913 2922','Ahmedabad',1710208259352,NULL,'active','Orbit Electronics',NULL);
INSERT INTO people VALUES(100129,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'active','Blue Dart Kirana',NULL);
INSERT INTO "people" VALUES(100131,NULL,NULL,NULL,NULL,NULL,NULL,'Bengaluru',NULL,NULL,'active',NULL,'Cancel soon days. Reopened good week update open try our.');
INSERT INTO people VALUES(100132,'Liam','Thompson','+1 (312) 555-0137',X'6c69616d2e74686f6d70736f6e406d61696c2e6578616d706c652e636f6d',NULL,NULL,'Chicago',1710210011947,NULL,'active',NULL,NULL);
INSERT INTO people VALUES(100134,'Lucas','Jones','+44 20 7946 0149','lucas_jones@mail.example.com',NULL,NULL,'London',1710210561116,4049781344884929,'blocked','City Pharmacy','Tonight scheduled service on morning.');
INSERT INTO "people" VALUES(100137,NULL,NULL,NULL,NULL,NULL,NULL,'Atlanta',NULL,NULL,'active','Acme Groceries',NULL);
INSERT INTO "people" VALUES(100138,'Meera','Siddiqui',NULL,'meera.siddiqui@example.net',NULL,NULL,'Pune',1710211505120,NULL,'blocked',NULL,NULL);
INSERT INTO "people" VALUES(100139,'Lavanya','Subramanian','+91 72749 56037',X'6c6176616e796131393936406578616d706c652e6e6574',NULL,NULL,'Bengaluru',1710211817673,NULL,'inactive','Acme Groceries',NULL);
INSERT INTO people VALUES(100142,NULL,NULL,NULL,NULL,NULL,NULL,'Manchester',NULL,NULL,'inactive','Metro Fuel Station',NULL);
INSERT INTO "people" VALUES(100143,'Imran','Fernandes','076118 16618','i.fernandes@example.org',NULL,'6759 4143 0839','Kochi',1710212483378,NULL,'blocked',NULL,'Expired wallet kyc I change later.');
INSERT INTO people VALUES(100146,NULL,NULL,NULL,NULL,NULL,NULL,'Lucknow',NULL,NULL,'inactive','Blue Dart Kirana',NULL);
INSERT INTO people VALUES(100147,'Farid','Hassan','+65 6712 5673','farid_hassan@mail.example.com',NULL,NULL,'Singapore',1710213353581,6910072459328394,'pending','Orbit Electronics',NULL);
INSERT INTO people VALUES(100150,NULL,NULL,NULL,NULL,NULL,NULL,'Pune',NULL,NULL,'blocked','Urban Threads','Message please followed. Again again.');
INSERT INTO "people" VALUES(100153,'Asha','Subramanian','+91 74324 39005','Asha.Subramanian@Example.Org',NULL,NULL,'Mumbai',1710214040356,NULL,'inactive',NULL,NULL);
INSERT INTO "people" VALUES(100156,NULL,NULL,NULL,NULL,NULL,NULL,'Seattle',NULL,NULL,'pending',NULL,NULL);
INSERT INTO people VALUES(100159,NULL,'Edwards','+44 7700 900378','Richardedwards74@Example.Org',NULL,NULL,'Edinburgh',1710215136652,NULL,'pending','City Pharmacy','Thanks team pending support their slow.');
INSERT INTO people VALUES(100161,NULL,'Chan','+65 8210 0375','kaiwen_chan@corp.example.org',NULL,'M4347864P','Singapore',1710215487303,9275287476432812,'blocked','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100163,NULL,NULL,NULL,NULL,NULL,NULL,'Lucknow',NULL,NULL,'active','Blue Dart Kirana',NULL);
INSERT INTO people VALUES(100165,'Ayesha','Shah','087611-78966','ayesha1980@example.org',NULL,NULL,'Pune',1710215803117,NULL,'active',NULL,'Pending customer by engineering upgrade status shows good agent.');
INSERT INTO "people" VALUES(100166,NULL,NULL,NULL,NULL,NULL,NULL,'San Francisco',NULL,NULL,'inactive','Metro Fuel Station',NULL);
INSERT INTO people VALUES(100168,'Pooja','Kulkarni','+65 8291 3082',NULL,NULL,NULL,'Singapore',1710217380879,NULL,'inactive',NULL,'Caused requested package have we. Error network.');
INSERT INTO "people" VALUES(100169,'Harish','Hegde','095381-52077','hegde.harish@example.com',NULL,'3372-3679-0332','Chennai',1710217790684,NULL,'blocked',NULL,NULL);
INSERT INTO people VALUES(100171,NULL,NULL,NULL,NULL,NULL,NULL,'Kolkata',NULL,NULL,'active',NULL,'Delivery kyc upgrade complete credited.');
INSERT INTO people VALUES(100174,'Vinod','Patel','022-3651-2978','v.patel@in.example.net',NULL,'4932-2808-2936','Mumbai',1710218879913,4169327603557402,'inactive','Blue Dart Kirana',NULL);
INSERT INTO "people" VALUES(100177,NULL,NULL,NULL,NULL,NULL,NULL,'Bristol',NULL,NULL,'active','Urban Threads','Not today agent incomplete. Cancel screen working. Address by after.');
INSERT INTO "people" VALUES(100178,'Shreya','Joshi','+44 20 7946 0133','shreya_joshi@example.com',NULL,NULL,'Edinburgh',1710219272708,4897676230918570,'blocked','City Pharmacy','Requested morning when be customer.');
INSERT INTO people VALUES(100180,NULL,NULL,NULL,NULL,NULL,NULL,'Bengaluru',NULL,NULL,'pending',NULL,'App since open pickup engineering. Again. Over error was.');
INSERT INTO "people" VALUES(100183,'Hafiz','Chong','+65 9359 6662','hafizchong65@in.example.net',NULL,NULL,'Singapore',1710220916311,NULL,'pending',NULL,NULL);
INSERT INTO "people" VALUES(100185,NULL,NULL,NULL,NULL,NULL,NULL,'Pune',NULL,NULL,'inactive','City Pharmacy','Upgrade I fast late shows fast good good.');
INSERT INTO people VALUES(100186,'Noah','Collins','+44 20 7946 0238','collins.noah@mail.example.com',NULL,NULL,'Edinburgh',1710222176855,NULL,'active','Blue Dart Kirana',NULL);
INSERT INTO "people" VALUES(100188,'Farhan','Tiwari','+44 20 7946 0147','Farhan_Tiwari@Example.Net',NULL,NULL,'Leeds',1710222903256,4894132869031619,'active',NULL,'Network. Side, still kindly.');
INSERT INTO people VALUES(100191,NULL,NULL,NULL,NULL,NULL,NULL,'Singapore',NULL,NULL,'inactive','City Pharmacy','Status still, it weekend office, waiting.');
INSERT INTO people VALUES(100194,'Ava','Evans','+44 20 7946 0416','ava.evans+shop@mail.example.com',NULL,NULL,'Edinburgh',1710223316692,NULL,'inactive','Saffron Kitchen',NULL);
INSERT INTO "people" VALUES(100195,NULL,NULL,NULL,NULL,NULL,NULL,'Bengaluru',NULL,NULL,'pending','Orbit Electronics',NULL);
INSERT INTO people VALUES(100197,'Lakshmi','Deshpande','+918331848844','l.deshpande@example.com','6339298496@apl','8218-6339-4439','New Delhi',1710223388166,NULL,'active','City Pharmacy',NULL);
INSERT INTO people VALUES(100199,NULL,NULL,NULL,NULL,NULL,NULL,'Chennai',NULL,NULL,'blocked','Saffron Kitchen','Please resolved kindly details. Address upgrade, shared. Fast.');
INSERT INTO "people" VALUES(100201,'Anil','Pandey','+91-72262-20289','anil_pandey@example.org',NULL,NULL,'Jaipur',1710223496840,NULL,'blocked',NULL,'Later please replacement, item.');
COMMIT;
