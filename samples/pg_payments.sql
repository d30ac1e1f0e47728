--
-- PostgreSQL database dump
--

-- Dumped from database version 16.2

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.audit VALUES ('audit.bot@example.com');
  RETURN NEW;
END;
$$;

CREATE TABLE public.payments (
  txn_id text,
  order_id text,
  created_ms text,
  customer_name text,
  card_number text,
  card_last4 text,
  card_masked text,
  expiry text,
  amount text,
  currency text,
  upi_id text,
  merchant text,
  description text,
  status text,
  internal_ref text,
  device_imei text,
  account_ref text,
  billing_zip text,
  ip_address text,
  ssn text,
  PRIMARY KEY (txn_id)
);

ALTER TABLE public.payments OWNER TO shop;

COPY public.payments (txn_id, order_id, created_ms, customer_name, card_number, card_last4, card_masked, expiry, amount, currency, upi_id, merchant, description, status, internal_ref, device_imei, account_ref, billing_zip, ip_address, ssn) FROM stdin;
pay_f22TrVsUZbufHp	8015913825	1734746916930	Vidya Mukherjee	5086 3398 5384 7091	7091	\N	02/30	32186.85	INR	\N	Urban Threads	Card payment, End account bad. Subscription. Followed thanks incomplete checked our coupon.	captured	\N	\N	\N	\N	\N	\N
pay_tqGb56ijlwRL7D	\N	1734746923569	Kiran Singh	\N	0542	\N	12/28	10088.52	INR	\N	City Pharmacy	Card payment, Old. Request status pickup documents not.	pending	\N	\N	\N	400159	\N	\N
pay_XPpn6SBd58zgSK	\N	\N	\N	\N	\N	\N	06/29	\N	GBP	\N	Orbit Electronics	Card payment, Incomplete month coupon renewal for when complete, damaged plan.	captured	\N	\N	\N	\N	\N	\N
pay_n36CPuIw36KPW9	\N	\N	\N	\N	\N	\N	02/25	\N	SGD	\N	Metro Fuel Station	Card payment, An by today request. Open reopened issue thanks renewal credited.	captured	\N	\N	\N	\N	\N	\N
pay_8mxVHhkKvpglUL	\N	1734747140208	Emily Jackson	4990-4729-4207-9521	\N	**** 9521	01/27	22362.64	USD	\N	Blue Dart Kirana	Card payment, Upgrade branch good. Reopened wrong. And ticket.	pending	\N	\N	\N	98148	\N	426-26-6521
pay_wSeyDgnqwtGRZc	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Metro Fuel Station	UPI payment, When cashback kindly package, tomorrow and an page. Offer update.	pending	\N	\N	\N	\N	\N	\N
pay_rm1EsmSeaBpQyS	6210945470	1734747240802	Ava Cook	\N	\N	\N	\N	18727.01	USD	ava.cook@apl	Acme Groceries	UPI payment, Damaged customer requested cancel.	captured	\N	\N	\N	02114	\N	\N
pay_SdTlrRsLqJoQn9	9991521989	1734747278814	Robert Scott	3548-4561-6744-2711	2711	\N	09/28	15772.98	GBP	\N	Saffron Kitchen	Card payment, Login resolved, request tomorrow missing shared feedback balance.	refunded	\N	\N	\N	\N	\N	\N
pay_kin2ML2Xj3ldKr	8705540905	1734747302160	Aditi Chatterjee	\N	\N	\N	\N	9624.63	INR	aditi.chatterjee@ybl	Urban Threads	UPI payment, Escalated, change please waiting kyc renewal tomorrow.	failed	\N	\N	\N	600633	\N	\N
pay_LsSkpJnQatlgkQ	7697125543	1734747420334	Pooja Tiwari	6011724355680686	0686	•••• 0686	10/26	34868.65	INR	\N	Blue Dart Kirana	Card payment, Is renewal. Three and team.	captured	\N	\N	\N	500593	172.20.163.149	\N
pay_kEUjpejReeAzP3	\N	1734747430907	Liam Clark	6251974677646995753	5753	6011 09** **** 8308	10/26	35250.80	USD	\N	Saffron Kitchen	Card payment, Scheduled. Details for, be pickup customer.	failed	\N	\N	\N	02126	2001:db8::df12:b4fb	230 35 7569
pay_rj02I7muPp2PAS	6905750205	1734747490733	Aditi Nair	\N	\N	\N	\N	16709.17	INR	aditinair851@apl	Acme Groceries	UPI payment, Renewal kyc will verified office up update soon.	captured	\N	351538243650961	\N	\N	10.63.238.162	\N
pay_ajDTBSsFIzMmV9	\N	1734747518515	Harish Raman	6011667095789459	9459	\N	12/28	23803.71	INR	\N	Saffron Kitchen	Card payment, Engineering arrived. Request your soon email.	captured	4534906856610030	351988483396371	\N	\N	2001:0db8:2872:2e92:2392:8a40:3918:db6c	\N
pay_lXVNIIs9K0auMf	9777010861	1734747552122	Olivia Edwards	36918466970036	0036	\N	04/32	43242.86	GBP	\N	Metro Fuel Station	Card payment, On their late.	failed	4331342018592137	\N	\N	EH1 4ZE	2001:db8::9a3c:89d7	\N
pay_GgtqIm3FlA6N9D	6505016867	1734747660201	Emma Moore	\N	\N	\N	\N	1698.10	GBP	emmamoore526@ybl	Orbit Electronics	UPI payment, Cashback status. Customer. Package replacement and. Kyc.	captured	\N	\N	282981774765	SW1A 1XX	203.0.113.71	\N
pay_TghmnbshbFDQse	9502680589	1734747696120	John Murphy	6011 3693 9949 9360	9360	601136******9360	12/28	43966.87	USD	\N	Acme Groceries	Card payment, Subscription. Network escalated three, followed thanks.	failed	\N	\N	\N	78750	\N	\N
pay_M7FKnsZtqXNPIS	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Urban Threads	UPI payment, Office resolved, plan renewal pending.	refunded	\N	\N	\N	\N	\N	\N
pay_88Wlz2NyXmrNGx	\N	\N	\N	\N	\N	\N	02/31	\N	INR	\N	Blue Dart Kirana	Card payment, Fast. Balance morning.	captured	\N	\N	\N	\N	\N	\N
pay_BYqYNKNByJ7auC	\N	1734747815074	Noah Cook	\N	\N	\N	\N	35717.91	USD	noah.cook@okicici	Acme Groceries	UPI payment, Plan followed up error visit old replacement slow an.	captured	\N	\N	847532344174	\N	203.0.113.61	068-40-5727
pay_hG7oNwkp3pOwUc	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Acme Groceries	UPI payment, Again, up invalid end error, kindly.	captured	\N	\N	\N	\N	\N	\N
pay_Qwlvbc0Lv6c1st	\N	1734747933938	Akash Krishnan	4424957907401286	1286	\N	04/28	23868.09	INR	\N	City Pharmacy	Card payment, Caused visit since item refund box please.	captured	\N	\N	\N	\N	\N	\N
pay_vGhPaCEOM8LfoF	7180078206	1734747966567	Priya Menon	2676-4722-8858-7892	7892	XXXXXXXXXXXX7892	12/27	46279.99	INR	\N	Urban Threads	Card payment, Kyc login, team. Checked thanks box their kindly. Bad.	pending	\N	\N	\N	\N	198.51.100.235	\N
pay_O4QWoFA9C9vCax	\N	\N	\N	\N	\N	\N	\N	\N	SGD	\N	Acme Groceries	UPI payment, Branch downgrade. Old scheduled. Fails.	failed	\N	\N	\N	\N	\N	\N
pay_TmyJ3HHFkIBdzM	\N	1734748022527	Suresh Banerjee	4447831733833603	3603	\N	10/28	29533.26	INR	\N	Metro Fuel Station	Card payment, Missing update requested branch old since again coupon shared.	failed	4715008735864754	\N	\N	\N	\N	\N
pay_IXnqX3Hnj88riA	6205028450	1734748070125	\N	3468 288625 74578	4578	\N	07/26	48970.46	INR	\N	Blue Dart Kirana	Card payment, Account feedback shows user login.	captured	5872442623096334	\N	\N	\N	\N	\N
pay_KUlIgzrgb52I0k	\N	\N	\N	\N	\N	\N	07/29	\N	USD	\N	City Pharmacy	Card payment, On will downgrade.	captured	\N	\N	\N	\N	\N	\N
pay_toGdilskFgeHUG	6131687925	1734748193260	Venkat Agarwal	4230317938335827	\N	\N	12/32	3400.14	INR	\N	Acme Groceries	Card payment, Today shows today.	captured	\N	\N	260208652468	641662	192.168.141.53	\N
pay_lUeP3Q6ScUkY90	\N	\N	\N	\N	\N	\N	07/31	\N	INR	\N	Acme Groceries	Card payment, Status support applied screen.	captured	\N	\N	\N	\N	\N	\N
pay_rotadFO9M37dZ5	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Saffron Kitchen	UPI payment, Followed we. Up later.	failed	\N	\N	\N	\N	\N	\N
pay_fUHKfaAi1VfSr1	6250679147	1734748408152	Jessica Edwards	4978 9433 4461 4327	\N	•••• 4327	06/26	24745.13	GBP	\N	City Pharmacy	Card payment, Complete. Kindly subscription, visit new I engineering days applied says.	refunded	\N	\N	\N	E1 9HQ	\N	\N
pay_NkNiGYj8p7qZSo	6972102244	1734748494912	\N	\N	\N	xxxx xxxx xxxx 5348	12/28	22495.91	INR	\N	Orbit Electronics	Card payment, Kyc please thanks fast subscription. Looks have week address, pay.	captured	\N	352575664462285	712553325570	110433	\N	\N
pay_wU9ctGM5sZ3Efr	\N	\N	\N	\N	\N	\N	09/30	\N	INR	\N	Urban Threads	Card payment, Screen, email late side.	failed	\N	\N	\N	\N	\N	\N
pay_DadsApsLtTQsH0	7072168288	1734748594499	Rohan Mukherjee	\N	\N	\N	\N	39975.93	INR	rohanmukherjee180@paytm	Orbit Electronics	UPI payment, Morning still invalid request and not status incomplete and.	pending	\N	\N	\N	500628	\N	\N
pay_9nH76hx4JWzoaV	\N	\N	\N	\N	\N	\N	\N	\N	GBP	\N	Orbit Electronics	UPI payment, Looks. Followed our app.	captured	\N	\N	\N	\N	\N	\N
pay_mAQl5KLpk64dw8	6671722476	1734748800235	Shu Fen Sim	4987 8588 6870 1418	1418	\N	05/25	23688.96	SGD	\N	Acme Groceries	Card payment, To, downgrade, applied status new login.	refunded	4688951839766321	\N	\N	\N	\N	\N
pay_XXC2IB5PZbpa43	\N	\N	\N	\N	\N	\N	01/26	\N	INR	\N	Blue Dart Kirana	Card payment, With. Reopened on.	pending	\N	\N	\N	\N	\N	\N
pay_ZnWql2uCbx0hc4	9548910413	1734748984448	Vinod Raman	374435704538343	8343	•••• 2311	12/30	11756.20	INR	\N	Acme Groceries	Card payment, Incomplete email. Please bad kyc.	failed	4119739016147004	\N	\N	\N	2001:0db8:7b90:645f:85ce:997a:bae2:df6c	\N
pay_tccqgXfXzlNvar	\N	\N	\N	\N	\N	\N	\N	\N	USD	\N	Saffron Kitchen	UPI payment, Kindly again pending.	failed	\N	\N	\N	\N	\N	\N
pay_DZglgjyIhu17PD	\N	1734749089106	Karthik Desai	\N	\N	\N	\N	25270.04	INR	8457417141@upi	Metro Fuel Station	UPI payment, The thread today their, email an be bad.	captured	\N	355160538502454	\N	\N	\N	\N
pay_y7CtVH3vUQT0Zv	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Metro Fuel Station	UPI payment, App, we for slow error.	captured	\N	\N	\N	\N	\N	\N
pay_86MAQlqDTXczJb	\N	\N	\N	\N	\N	\N	11/28	\N	INR	\N	Acme Groceries	Card payment, Fails is closed.	captured	\N	\N	\N	\N	\N	\N
pay_1KJFr6IMiKvUyU	7773408763	1734749310511	Shreya Das	4896838686296213	6213	\N	05/28	25899.24	INR	\N	Orbit Electronics	Card payment, Requested when issue noted.	failed	\N	\N	\N	226232	172.22.146.206	\N
pay_ddE5oRwasZSDtr	7115039222	1734749386514	Sneha Raman	4105403586099675	9675	410540******9675	04/27	43438.72	INR	\N	Urban Threads	Card payment, Is team missing issue morning, issue.	captured	\N	\N	\N	\N	\N	\N
pay_bm6Lb1xFWVPJJA	\N	\N	\N	\N	\N	\N	08/26	\N	INR	\N	Metro Fuel Station	Card payment, User pickup kyc when, customer days late applied I.	pending	\N	\N	\N	\N	\N	\N
pay_JzzGkZR3SHn42G	7151609577	1734749509473	Ava Scott	5341682272182983	2983	************2983	01/28	5482.14	GBP	\N	Acme Groceries	Card payment, Bad fails refund update I says.	failed	\N	\N	824719997209	\N	\N	\N
pay_qv0ac84tHIIqbr	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Acme Groceries	UPI payment, Damaged escalated week since. Later upgrade.	pending	\N	\N	\N	\N	\N	\N
pay_EnhkiWvAkwvn5a	7136607769	1734749576347	Zoya Raman	\N	\N	\N	\N	31789.28	INR	7587397478@okhdfcbank	Blue Dart Kirana	UPI payment, Be documents later cancel arrived feedback be replacement.	captured	\N	\N	\N	682331	\N	\N
pay_KPPNTaGm64BDdS	\N	\N	\N	\N	\N	\N	04/29	\N	INR	\N	Orbit Electronics	Card payment, Address ticket, side their arrived when old closed.	captured	\N	\N	\N	\N	\N	\N
pay_cgMAi75QxDMn9Y	\N	1734749719972	Ahmad Koh	\N	\N	\N	\N	6698.73	SGD	6530447371@paytm	Saffron Kitchen	UPI payment, Support end our cashback, not.	captured	\N	\N	\N	859136	203.0.113.244	\N
pay_A59BDzLGGyJiMd	\N	\N	\N	\N	\N	\N	\N	\N	USD	\N	Orbit Electronics	UPI payment, Working pay caused upgrade thread by feedback.	refunded	\N	\N	\N	\N	\N	\N
pay_brKVL8XlM30Zcq	6253822919	1734749879619	Rohan Deshpande	\N	2616	2347 73** **** 2616	11/26	29314.66	INR	\N	City Pharmacy	Card payment, Month since try. Box.	refunded	\N	\N	\N	\N	\N	\N
pay_oVSm4fCeBNSmv6	8230193528	1734749925548	Aditya Venkatesan	\N	2108	\N	04/26	35752.08	INR	\N	City Pharmacy	Card payment, Documents visit and tonight three account when.	captured	\N	\N	525492706936	500094	10.186.68.66	\N
pay_blznXYbDmVT8EZ	\N	\N	\N	\N	\N	\N	09/27	\N	INR	\N	Saffron Kitchen	Card payment, Status, after incomplete update open, working update later week and.	captured	\N	\N	\N	\N	\N	\N
pay_b40NfK24dhOeQn	6179129978	1734750051445	\N	\N	6575	\N	04/30	24066.33	INR	\N	City Pharmacy	Card payment, With missing shared applied yesterday tomorrow expired. New.	captured	\N	\N	\N	302589	10.80.132.129	\N
pay_g9K4KhKnDrNiFN	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Saffron Kitchen	UPI payment, Package scheduled waiting applied.	failed	\N	\N	\N	\N	\N	\N
pay_oRlCTB4ZlAlBVO	7197399231	1734750212199	\N	6011680364767759	7759	601168******7759	03/26	38120.66	SGD	\N	Metro Fuel Station	Card payment, Not visit. Is. Email open office.	refunded	\N	\N	602697004556	\N	198.51.100.147	\N
pay_kQ5lSfY5gdYa6r	\N	\N	\N	\N	\N	\N	08/26	\N	INR	\N	Metro Fuel Station	Card payment, Try be apologies is.	failed	\N	\N	\N	\N	\N	\N
pay_1tfaiujTHDdzZB	7756047646	1734750332180	Aditya Raman	\N	5172	675907******5172	11/30	31882.17	INR	\N	Urban Threads	Card payment, The for change days service branch inconvenience on fast request.	pending	1126813193132233	\N	\N	\N	203.0.113.176	\N
pay_iuvSRGh4qtLRyz	\N	\N	\N	\N	\N	\N	10/30	\N	INR	\N	Metro Fuel Station	Card payment, Working closed pay, invalid was customer. Closed.	pending	\N	\N	\N	\N	\N	\N
pay_3MhGiGEsbXc9ld	6469773379	1734750414440	Ava Harris	6202965507122239	2239	XXXX-XXXX-XXXX-2239	07/29	37342.32	USD	\N	Urban Threads	Card payment, Service new days it. End wrong requested blank, shows escalated.	pending	\N	\N	\N	\N	203.0.113.197	099823567
pay_SlUxUcbEup2a8u	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Acme Groceries	UPI payment, Account, pending verified, late thanks offer verified.	pending	\N	\N	\N	\N	\N	\N
pay_sib79sRDwZlCGx	6994867530	1734750563286	Neha Patel	\N	\N	\N	\N	3114.12	INR	nehapatel859@ibl	Saffron Kitchen	UPI payment, Not visit not new this shared.	failed	\N	\N	\N	600806	172.16.211.6	\N
pay_Rsw9gDkMKnhH9W	\N	\N	\N	\N	\N	\N	12/31	\N	INR	\N	Orbit Electronics	Card payment, Office box change. Plan feedback message.	captured	\N	\N	\N	\N	\N	\N
pay_ATCVgxbco8ZiV6	8936795934	1734750627960	Varun Iyer	5216 6171 7946 1603	1603	\N	09/32	3094.60	INR	\N	Acme Groceries	Card payment, Visit invalid caused. Issue package.	pending	\N	\N	\N	560714	192.168.154.158	\N
pay_ZKgpggzWgYOeis	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	City Pharmacy	UPI payment, Pay week yesterday pickup we shows issue shared update.	captured	\N	\N	\N	\N	\N	\N
pay_5qOWtXKcJc8ALt	\N	\N	\N	\N	\N	\N	06/29	\N	INR	\N	Acme Groceries	Card payment, Page cancel open soon app our.	refunded	\N	\N	\N	\N	\N	\N
pay_52EWhKzE3EKSBB	9959433403	1734750799703	Elizabeth Johnson	2411263257663909	\N	\N	02/30	34048.23	USD	\N	Orbit Electronics	Card payment, Thread caused, escalated good tomorrow end your address delivery applied.	failed	3735017187467519	\N	\N	\N	\N	696-22-1079
pay_slVpjgz0pwri6W	\N	1734750809719	Deepak Shah	\N	\N	\N	\N	13020.41	INR	deepakshah804@okhdfcbank	Metro Fuel Station	UPI payment, Page followed resolved.	captured	\N	\N	\N	\N	\N	\N
pay_EXSA1Bk4CGCLe5	\N	1734750875961	Xin Yi Wong	2340 4112 4165 7356	7356	234041******7356	03/28	9017.49	SGD	\N	Saffron Kitchen	Card payment, Verified and, branch.	failed	\N	353218106334361	\N	544184	203.0.113.33	\N
pay_aO9lXDd1G4Zmj6	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Metro Fuel Station	UPI payment, Address update up for coupon wrong try. Their morning.	captured	\N	\N	\N	\N	\N	\N
pay_xqQ5D1YFrAboIJ	\N	\N	\N	\N	\N	\N	02/32	\N	INR	\N	Acme Groceries	Card payment, Wrong when when. Requested inconvenience fails looks missing. Incomplete it.	failed	\N	\N	\N	\N	\N	\N
pay_KUjrrkSp3czipc	8070935135	1734751159435	Emma Murphy	\N	\N	\N	\N	26363.12	GBP	9410899429@upi	Acme Groceries	UPI payment, Month, it pay. Slow box still kyc three.	failed	3514106780074470	\N	\N	\N	203.0.113.87	\N
pay_3STDttbCxCikQx	7319268913	1734751176119	Siddharth Kumar	\N	\N	\N	\N	41459.92	INR	siddharth.kumar@upi	Blue Dart Kirana	UPI payment, Subscription box replacement, thanks, caused pickup documents month branch delivery.	captured	4801017625991952	\N	\N	\N	172.23.101.91	\N
pay_tEg3NN6ujXzKcP	\N	\N	\N	\N	\N	\N	05/27	\N	USD	\N	Orbit Electronics	Card payment, Service waiting blank.	failed	\N	\N	\N	\N	\N	\N
pay_LiDCyxqlZ6InZl	9754358395	1734751302094	Zoya Siddiqui	3490-175579-81937	1937	**** 7917	02/32	20907.26	INR	\N	Acme Groceries	Card payment, After cashback page refund an.	captured	\N	\N	\N	\N	\N	\N
pay_xpEfrylkkQ2iSX	\N	\N	\N	\N	\N	\N	01/29	\N	GBP	\N	Metro Fuel Station	Card payment, Thanks try when checked user. Item this new.	captured	\N	\N	\N	\N	\N	\N
pay_AfLoxcGeFwfeGm	9552588714	1734751466638	Thomas Johnson	378780946928398	8398	\N	11/28	5190.80	USD	\N	Urban Threads	Card payment, Scheduled. Bad on resolved balance since on and.	captured	\N	356019056058928	\N	\N	10.27.233.14	\N
pay_Rl687p7sq3HC7x	\N	\N	\N	\N	\N	\N	04/31	\N	INR	\N	Blue Dart Kirana	Card payment, Bad week inconvenience new refund noted complete message, followed credited.	captured	\N	\N	\N	\N	\N	\N
pay_fEhsqLGMdSWpJZ	6360852415	1734751656556	Oliver King	3576 9209 1060 4989	4989	3576 92** **** 4989	04/30	22201.87	GBP	\N	Acme Groceries	Card payment, Still fails requested ticket. Their status plan three.	refunded	\N	\N	\N	\N	\N	\N
pay_T9PIRimja7nEbw	\N	\N	\N	\N	\N	\N	05/29	\N	INR	\N	Urban Threads	Card payment, Month. Was new try, change support.	refunded	\N	\N	\N	\N	\N	\N
pay_3Vvoah2qxTWyrd	8486230623	1734751805934	\N	4701 3069 3263 8450	8450	\N	11/26	15449.36	INR	\N	Blue Dart Kirana	Card payment, Office thread not since kyc have. Engineering.	failed	\N	\N	\N	\N	\N	\N
pay_NjbIkZ1Tgv6v1a	\N	1734751870225	Pradeep Ansari	\N	\N	\N	\N	15508.65	INR	pradeep.ansari@okhdfcbank	Metro Fuel Station	UPI payment, The engineering reopened soon status replacement.	pending	4811559408227128	\N	\N	682587	2001:db8::b53c:c918	\N
pay_tQC2Zdmeb0VLaM	\N	\N	\N	\N	\N	\N	\N	\N	GBP	\N	Metro Fuel Station	UPI payment, Kyc to days the.	captured	\N	\N	\N	\N	\N	\N
pay_b4CmowHWwV3SF6	7534293629	1734751949086	Vidya Agarwal	2517898195013833	3833	\N	06/28	30041.69	INR	\N	Saffron Kitchen	Card payment, An since ticket tomorrow, thanks I open. Be. Email requested.	refunded	4388208674161701	358508563368778	\N	\N	10.182.156.107	\N
pay_48b9ifXZgZSdy8	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	City Pharmacy	UPI payment, Service. Plan support replacement support morning email.	captured	\N	\N	\N	\N	\N	\N
pay_Mf5F7oRbqc8KqD	8118440076	1734752152270	Lakshmi George	\N	4290	xxxx xxxx xxxx 4290	09/28	22351.06	INR	\N	Urban Threads	Card payment, Office message visit after. Fast new kindly.	captured	\N	\N	\N	411053	2001:0db8:a02b:b46f:43e5:1a9a:44b9:5c49	\N
pay_v42TTe3pccQyBr	\N	\N	\N	\N	\N	\N	\N	\N	SGD	\N	Metro Fuel Station	UPI payment, Page. Incomplete update up downgrade. Message noted.	captured	\N	\N	\N	\N	\N	\N
pay_G6ksCnLM8mmi94	6310983918	1734752210327	\N	6522 0523 7560 4128	4128	\N	04/26	33198.89	INR	\N	Urban Threads	Card payment, End later noted change complete, wrong, will ticket. Not.	pending	\N	\N	\N	110715	172.24.249.225	\N
pay_OI6CIcpyirtiJQ	\N	\N	\N	\N	\N	\N	12/26	\N	INR	\N	Blue Dart Kirana	Card payment, I incomplete was, office waiting app up thread.	refunded	\N	\N	\N	\N	\N	\N
pay_lzC5IAozphIPTK	\N	\N	\N	\N	\N	\N	08/26	\N	INR	\N	Blue Dart Kirana	Card payment, Thread kyc, end the missing over.	refunded	\N	\N	\N	\N	\N	\N
pay_m8u3v7oLx3pO10	7778278949	1734752471343	Asha Venkatesan	4074 9313 6995 6189	6189	\N	07/31	41286.04	INR	\N	City Pharmacy	Card payment, Scheduled late working damaged tomorrow requested error. Error fast arrived.	failed	\N	\N	\N	\N	\N	\N
pay_asYSzIMI8nwq5h	8240320013	1734752577478	Ethan Walker	\N	\N	\N	\N	32998.85	USD	6322052462@upi	Urban Threads	UPI payment, Page good missing working our.	failed	4062480601639017	\N	\N	\N	\N	757479511
pay_tRyFudQ5J3S1mV	7960776969	1734752615187	Charles Moore	\N	\N	\N	\N	41912.76	USD	8087471921@oksbi	Orbit Electronics	UPI payment, Late. Scheduled waiting issue when. Documents subscription after.	pending	\N	\N	\N	10002	192.168.224.131	761023451
pay_Lo7bDJuj9avfif	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Urban Threads	UPI payment, Branch, details box shows.	refunded	\N	\N	\N	\N	\N	\N
pay_IGhZSJRc3tcrDB	9523979286	1734752683785	Venkat Krishnan	\N	\N	\N	\N	40005.97	USD	venkatkrishnan895@apl	Acme Groceries	UPI payment, Coupon. Old caused. Balance I, cancel applied bad, wrong.	captured	4036217197053606	\N	\N	60637	192.0.2.188	061-33-8756
\.

--
-- PostgreSQL database dump complete
--

