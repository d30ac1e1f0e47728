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
pay_Wo4jGqN3GEKEAc	\N	1736206784707	Madhav Jani	6207979105810535574	5574	\N	03/31	20295.27	INR	\N	Metro Fuel Station	Card payment, On open support address shared. Yesterday change requested engineering error.	captured	\N	\N	373064754142	\N	\N	\N
pay_72HuvmhhdNQBKX	8056449133	1736206797658	\N	\N	\N	\N	\N	20030.01	GBP	osborn.labadie@okaxis	Acme Groceries	UPI payment, Tonight expired looks.	captured	4483080451184758	\N	\N	\N	192.168.242.204	\N
pay_VqgvAlpPXGReCS	8899117637	1736206904620	Teerth Bath	\N	\N	\N	\N	29944.09	INR	teerth.bath@okaxis	Urban Threads	UPI payment, Refund invalid by login. User tomorrow since message offer, support.	pending	5050666442443715	354922266052643	\N	\N	\N	\N
pay_EeLAs9GVo5Qemz	7333384311	1736206959545	Balveer Mahajan	\N	\N	\N	\N	38494.90	INR	balveermahajan139@ybl	City Pharmacy	UPI payment, Kyc cashback resolved, reopened screen arrived verified requested.	pending	\N	\N	\N	\N	\N	\N
pay_uteA7Ttv6yFum8	\N	1736207000134	Hemani Datta	\N	7031	\N	01/26	22118.38	INR	\N	Acme Groceries	Card payment, Requested coupon noted it it support. Customer.	captured	\N	\N	\N	452894	203.0.113.1	\N
pay_f1YX5zeOLdEwb6	\N	1736207117224	\N	\N	\N	\N	\N	19976.23	INR	yastidatta598@axl	Orbit Electronics	UPI payment, Cashback scheduled escalated resolved have days escalated screen missing update.	captured	4173255154805934	350193307237833	\N	\N	\N	\N
pay_SscKpNRBYIKWGA	8290711433	1736207173102	Celestia Supple	\N	\N	\N	\N	2318.09	USD	9383408610@axl	Acme Groceries	UPI payment, Refund network network late today office team, their.	pending	\N	\N	\N	10008	203.0.113.219	120-47-4410
pay_V8xTWEM3pHtEdp	9400339543	1736207220836	Lakshmi Warrior	\N	\N	\N	\N	34537.47	INR	8683899470@okhdfcbank	Metro Fuel Station	UPI payment, Details be help request wrong again on thanks email. Scheduled.	captured	5252860940995963	\N	\N	\N	\N	\N
pay_4HtELyR891qizg	\N	1736207296016	\N	4008 9950 7093 7672	7672	**** 7672	08/32	3561.27	INR	\N	Metro Fuel Station	Card payment, Checked arrived after, user their over.	captured	4962764520346866	359677268374818	\N	\N	\N	\N
pay_1Bh3hm5CL74sx6	6645872686	1736207342248	Leela Raja	36505271012623	2623	**** 8360	12/28	21976.09	INR	\N	Urban Threads	Card payment, Branch was and try week. Your page. Message looks.	captured	\N	\N	\N	682549	192.0.2.161	\N
pay_LDuvbdqgmCTyIU	7755076928	1736207443343	Utkarsh Narayanan	\N	\N	\N	\N	40651.53	INR	utkarshnarayanan519@okaxis	Metro Fuel Station	UPI payment, And service issue message I wallet when.	refunded	\N	\N	\N	\N	\N	\N
pay_OXiBDYLDKY8GQb	8106935006	1736207461328	Yatan Tiwari	\N	\N	\N	\N	39005.70	INR	9014216840@ybl	Metro Fuel Station	UPI payment, Will, morning. Invalid, issue. Weekend cancel item support later.	pending	\N	\N	\N	500892	10.17.18.75	\N
pay_eiqQruUeVtDYzY	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Metro Fuel Station	UPI payment, Kindly. Issue. Escalated month bad requested have open.	failed	\N	\N	\N	\N	\N	\N
pay_rYmbhOQ3reVCUJ	\N	\N	\N	\N	\N	\N	12/29	\N	SGD	\N	Acme Groceries	Card payment, Team visit requested request with fails.	pending	\N	\N	\N	\N	\N	\N
pay_GiDu3ihicrfIcj	\N	1736207687958	Yong Min PU	377232668783354	3354	\N	04/32	40667.30	SGD	\N	Saffron Kitchen	Card payment, Have error will wrong to message.	pending	\N	\N	\N	\N	\N	\N
pay_RTlzkruglnxf28	\N	1736207723660	\N	\N	\N	\N	\N	16882.32	INR	8337583518@axl	Saffron Kitchen	UPI payment, Yesterday by late change.	refunded	\N	\N	\N	226525	192.0.2.17	\N
pay_yAc89tXtzbEc7g	\N	1736207792643	Dorthea Schmidt	6011561432992001	\N	\N	03/32	49317.07	GBP	\N	Saffron Kitchen	Card payment, Soon downgrade by status ticket app working noted.	refunded	\N	\N	\N	\N	2001:0db8:201c:bf8c:9665:e2bd:5150:fda8	\N
pay_SIEBy6r1MpttET	6441842564	1736207890069	Milo Corridan	4251 4286 2006 8636	8636	4251 42** **** 8636	09/28	37082.25	USD	\N	Saffron Kitchen	Card payment, Since to for we.	failed	\N	\N	\N	\N	fe80::7e20	884-68-0948
pay_70rW5iGS735Dzg	\N	\N	\N	\N	\N	\N	11/29	\N	SGD	\N	Blue Dart Kirana	Card payment, And caused details.	refunded	\N	\N	\N	\N	\N	\N
pay_x36IC0a4oBIvD8	7253212275	1736207989544	Herlinda Keeling	4121-2765-7886-8558	8558	\N	08/31	25790.79	GBP	\N	Saffron Kitchen	Card payment, It incomplete balance resolved login three open box looks.	captured	\N	\N	\N	E1 8YX	172.22.69.82	\N
pay_Ge4bjAqSb675nq	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	City Pharmacy	UPI payment, Working damaged blank status after applied screen end for.	pending	\N	\N	\N	\N	\N	\N
pay_yzb4cJSWZW0fK5	8947494350	1736208055749	\N	\N	\N	\N	\N	21805.46	GBP	utkarsh.banerjee@ibl	Metro Fuel Station	UPI payment, Page details. Again, balance up old closed verified, thread.	refunded	4874345381766157	\N	\N	SW1A 7TN	198.51.100.123	\N
pay_HE3Txqf47qyn5k	\N	\N	\N	\N	\N	\N	08/28	\N	GBP	\N	Urban Threads	Card payment, Waiting app branch visit today. Escalated will login.	captured	\N	\N	\N	\N	\N	\N
pay_TEEIsXPueBxqLj	9608929515	1736208110846	Kaela Meldon	6521168881235867	5867	6521 16** **** 5867	09/30	44502.56	USD	\N	Urban Threads	Card payment, Wrong after days account followed, damaged noted.	captured	\N	\N	\N	10070	\N	\N
pay_yuJS0D4nOhh1MK	\N	\N	\N	\N	\N	\N	\N	\N	GBP	\N	Saffron Kitchen	UPI payment, This. Morning message.	captured	\N	\N	\N	\N	\N	\N
pay_vNRFndyr1TgPx6	9714961688	1736208282513	Anjali Pradhan	\N	\N	\N	\N	38439.77	INR	anjalipradhan121@axl	City Pharmacy	UPI payment, Request resolved. Issue working.	captured	\N	\N	\N	\N	203.0.113.87	\N
pay_EIODiHYUUKc1WU	\N	\N	\N	\N	\N	\N	\N	\N	USD	\N	Urban Threads	UPI payment, I yesterday kyc on an after.	refunded	\N	\N	\N	\N	\N	\N
pay_Jc3PeW1219EPHm	\N	1736208378936	Advaith Kade	\N	\N	\N	\N	21735.94	INR	advaith.kade@upi	Blue Dart Kirana	UPI payment, Refund. Email weekend your login refund box, shared customer email.	pending	\N	\N	\N	682659	192.168.95.58	\N
pay_lL8BUGhK2i37Tp	9017299949	1736208400526	Tawny Connors	\N	\N	\N	\N	41528.65	USD	6099519937@ibl	Orbit Electronics	UPI payment, Incomplete we complete documents.	captured	\N	\N	\N	60612	\N	017887856
pay_webWyoQz1orAhO	\N	\N	\N	\N	\N	\N	02/29	\N	INR	\N	Saffron Kitchen	Card payment, Verified error waiting apologies it.	captured	\N	\N	\N	\N	\N	\N
pay_EWyxb7pDJeXDfw	\N	1736208479507	Ina D'Amore	5410123229888485	8485	xxxx xxxx xxxx 8485	04/30	37869.35	GBP	\N	Acme Groceries	Card payment, Kindly kindly plan slow office, team complete please closed scheduled.	captured	\N	\N	\N	\N	203.0.113.30	\N
pay_Z4vvcLxKIRekN5	\N	\N	\N	\N	\N	\N	\N	\N	GBP	\N	Orbit Electronics	UPI payment, Yesterday have still days. Ticket.	captured	\N	\N	\N	\N	\N	\N
pay_IoJnFaHbReSsNm	6136074339	1736208708849	Janani Lalla	\N	\N	\N	\N	20544.42	INR	janani.lalla@okicici	Acme Groceries	UPI payment, Thanks kyc. Documents caused good pending damaged, side, pickup.	captured	\N	351741535944106	\N	\N	\N	\N
pay_RiXwmijTb0n02H	7243211155	1736208824655	Guo Yew Liew	\N	\N	\N	\N	48935.54	SGD	7239887887@okaxis	Acme Groceries	UPI payment, With help side fails feedback fails, office caused credited.	captured	\N	\N	\N	555216	10.122.161.140	\N
pay_MyA29K6ig2NtYa	\N	\N	\N	\N	\N	\N	08/32	\N	USD	\N	Blue Dart Kirana	Card payment, Up app incomplete expired the.	captured	\N	\N	\N	\N	\N	\N
pay_W20PkqPat6IyCD	\N	1736208932221	Vinaya Verma	4846120528229566	9566	\N	02/31	10731.19	INR	\N	Acme Groceries	Card payment, Address on since package with, on.	failed	4401348157862277	\N	\N	110751	\N	\N
pay_Lkh3UZa8Hg1eiD	\N	\N	\N	\N	\N	\N	10/32	\N	INR	\N	Saffron Kitchen	Card payment, Customer applied wallet. Update offer status expired agent.	refunded	\N	\N	\N	\N	\N	\N
pay_5Bhr2QqNpgVxBj	8065916560	1736209049244	Quincy Rajagopalan	\N	\N	\N	\N	764.92	INR	quincy.rajagopalan@oksbi	City Pharmacy	UPI payment, Waiting update, after change page subscription.	failed	\N	\N	\N	\N	203.0.113.222	\N
pay_DoI8SIU7AM0MoJ	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Orbit Electronics	UPI payment, Caused by blank today month. Caused not agent error today.	captured	\N	\N	\N	\N	\N	\N
pay_oJF0lsIbjaWyF7	\N	1736209206301	Karan Caine	4420583109378967	8967	\N	10/32	14757.26	USD	\N	Orbit Electronics	Card payment, An yesterday error, details, when soon, is.	captured	\N	\N	\N	98153	198.51.100.33	\N
pay_OvJuThdWLHmDQs	\N	\N	\N	\N	\N	\N	\N	\N	USD	\N	Acme Groceries	UPI payment, After end bad. Waiting replacement verified our we is cancel.	captured	\N	\N	\N	\N	\N	\N
pay_mkrgY9oQqb3WFl	9727044806	1736209252358	Janani Warrior	\N	\N	\N	\N	41023.12	SGD	9936201190@oksbi	Urban Threads	UPI payment, Working be, expired their shared tonight checked renewal.	captured	\N	\N	\N	\N	\N	\N
pay_djJeTg8UlOaSZJ	6243873066	1736209296707	\N	\N	\N	\N	\N	22049.07	INR	6819403104@okhdfcbank	Metro Fuel Station	UPI payment, Help and arrived cancel pickup weekend side apologies.	pending	\N	\N	\N	\N	\N	\N
pay_UTcA6HPTkz1HKs	7835694202	1736209368520	\N	6522 8947 3728 1230	1230	652289******1230	02/28	32571.24	INR	\N	Acme Groceries	Card payment, Good balance three.	pending	3193006301713796	358458780854111	678989376176	\N	10.22.2.77	\N
pay_DbUBWvVCUHCjYC	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Saffron Kitchen	UPI payment, Offer. Says checked blank documents and side escalated. The. When.	captured	\N	\N	\N	\N	\N	\N
pay_ib85a1dK3QIqKT	7556353729	1736209462136	Halimah bin Liyana	6759170449712695	\N	XXXX-XXXX-XXXX-2695	06/28	11358.82	SGD	\N	City Pharmacy	Card payment, Old customer tomorrow refund damaged applied. Three week cashback be.	failed	9922454831410340	\N	\N	\N	2001:db8::5ed0:a99b	\N
pay_1oS35VKQvwlfdr	\N	\N	\N	\N	\N	\N	06/32	\N	INR	\N	Saffron Kitchen	Card payment, Looks, damaged tomorrow. Slow. Looks team shared.	failed	\N	\N	\N	\N	\N	\N
pay_sw2uTLwVbtF3HM	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Metro Fuel Station	UPI payment, Up inconvenience on. Reopened replacement email requested.	failed	\N	\N	\N	\N	\N	\N
pay_Yq3qquxV0xdgab	6471491967	1736209731440	Chaitanya Subramanian	4761752812229687	9687	\N	12/27	22830.29	INR	\N	City Pharmacy	Card payment, App branch it old update.	refunded	\N	\N	\N	682657	\N	\N
pay_gHuAIA1TubzbhI	9534699850	1736209735257	Yoshita Varkey	4328346236089672	9672	************9672	05/26	48447.98	USD	\N	Acme Groceries	Card payment, Fails team week change caused service by.	captured	\N	\N	\N	\N	\N	494404661
pay_Yvk5pbqjTBoqrz	\N	\N	\N	\N	\N	\N	\N	\N	USD	\N	Orbit Electronics	UPI payment, Issue service. Tomorrow. Item status.	refunded	\N	\N	\N	\N	\N	\N
pay_2CQgE2fDI3UXs9	6612068178	1736209914946	\N	\N	4660	XXXXXXXXXXXX4660	04/26	10680.24	INR	\N	City Pharmacy	Card payment, Issue. Page downgrade upgrade checked slow.	captured	\N	\N	\N	452723	\N	\N
pay_MFNCG0Wserud6m	\N	\N	\N	\N	\N	\N	02/30	\N	USD	\N	Orbit Electronics	Card payment, Login new request new applied tomorrow branch.	pending	\N	\N	\N	\N	\N	\N
pay_u2B91Lqx0P8er2	9247785315	1736209942564	Yauvani Pall	6272675203074221	4221	\N	09/31	9376.00	INR	\N	Orbit Electronics	Card payment, Shared verified thread screen this thread pickup again change today.	refunded	\N	357291815651272	\N	\N	fe80::1155	\N
pay_Lyc7PH9vWxThuE	\N	\N	\N	\N	\N	\N	08/32	\N	INR	\N	Blue Dart Kirana	Card payment, To pickup update. Downgrade support.	failed	\N	\N	\N	\N	\N	\N
pay_1chVPRkKZ5QUSY	8355809346	1736209993978	Ekaraj Rajagopalan	5516-4548-1832-4902	4902	\N	05/26	8437.81	INR	\N	Acme Groceries	Card payment, Page with account damaged.	failed	4323732581559689	\N	\N	452646	\N	\N
pay_LffHNMutq5Y0Rw	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Blue Dart Kirana	UPI payment, Feedback. Documents update visit pending yesterday team, when morning end.	captured	\N	\N	\N	\N	\N	\N
pay_y8kgA3AMTxm59i	7658251303	1736210119684	Oni Dua	4322303032836059	6059	4322 30** **** 6059	07/31	32963.54	INR	\N	Orbit Electronics	Card payment, Replacement arrived month delivery.	refunded	4464983062506579	353630182246568	\N	\N	\N	\N
pay_LAtqEqaDLY3tSu	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Saffron Kitchen	UPI payment, Message kyc up be user renewal network. Support.	refunded	\N	\N	\N	\N	\N	\N
pay_trXnYDHO2Dgakm	9120219798	1736210275459	Oni Raman	4305 5049 1180 5617	5617	\N	09/28	6540.50	INR	\N	Acme Groceries	Card payment, Please wallet renewal damaged.	failed	\N	\N	\N	500682	10.221.222.147	\N
pay_wnm3F2z5rZvmUv	\N	\N	\N	\N	\N	\N	08/29	\N	USD	\N	Urban Threads	Card payment, Fast balance verified says new.	refunded	\N	\N	\N	\N	\N	\N
pay_x6ax8gk4simQRD	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	Urban Threads	UPI payment, Wrong applied after team week.	refunded	\N	\N	\N	\N	\N	\N
pay_Qo6wObstFQ5r9H	6100702482	1736210490566	Simon Rajagopalan	6260509680192707	2707	626050******2707	02/31	26107.16	INR	\N	City Pharmacy	Card payment, An three. Inconvenience. Pending, weekend week to damaged.	captured	\N	\N	\N	\N	\N	\N
pay_NXCTBbPD9yvwAE	7205720302	1736210528039	Yochana Sidhu	3047 882708 6697	6697	620352******4447	11/31	12816.36	INR	\N	Saffron Kitchen	Card payment, Service message escalated.	failed	\N	\N	\N	\N	\N	\N
pay_q7uKYwkLbdVFD9	\N	\N	\N	\N	\N	\N	09/28	\N	INR	\N	Saffron Kitchen	Card payment, Week kyc. Not with applied followed agent downgrade shows.	captured	\N	\N	\N	\N	\N	\N
pay_9OXC2GxE1Xk6Pl	8835671100	1736210640467	\N	\N	\N	\N	\N	14406.84	INR	6326155796@oksbi	Metro Fuel Station	UPI payment, Pickup to late is is with app for is.	pending	4050938065736938	\N	\N	\N	fe80::8c1c	\N
pay_TvXrt55etft4AF	\N	\N	\N	\N	\N	\N	02/30	\N	GBP	\N	Saffron Kitchen	Card payment, Is network refund slow complete shows checked up.	refunded	\N	\N	\N	\N	\N	\N
pay_wygev1QBjmXYoZ	7516935225	1736210778177	Todd Sears	\N	9122	\N	11/25	13138.29	GBP	\N	Saffron Kitchen	Card payment, Verified days. By old for applied since.	captured	\N	\N	\N	\N	\N	\N
pay_v33YklhqFil2yU	8770479017	1736210818671	Zashil Sha	5272190111500293	0293	\N	07/31	23289.89	INR	\N	Metro Fuel Station	Card payment, Reopened tonight offer visit and new days the.	pending	\N	357683688975970	\N	\N	\N	\N
pay_NMDWRuENsclBjg	\N	\N	\N	\N	\N	\N	01/31	\N	GBP	\N	Urban Threads	Card payment, Kindly arrived is issue not subscription.	refunded	\N	\N	\N	\N	\N	\N
pay_W6ebxjcSs4BF9K	8238633023	1736211007385	Pahal Karan	\N	\N	\N	\N	20458.58	INR	pahalkaran681@axl	Blue Dart Kirana	UPI payment, Missing, network slow, try open.	captured	\N	\N	252228336795	641946	2001:0db8:ec18:1b42:6b41:9d6e:c185:57f5	\N
pay_IczYWbA2FOB7wV	\N	\N	\N	\N	\N	\N	03/32	\N	INR	\N	Blue Dart Kirana	Card payment, Fails feedback subscription weekend.	failed	\N	\N	\N	\N	\N	\N
pay_kSEYX1HiY017ck	7242576755	1736211154829	Siong Siang Kwan	\N	\N	\N	\N	23436.95	SGD	6107079197@oksbi	Urban Threads	UPI payment, Our apologies upgrade incomplete thanks subscription.	failed	\N	\N	\N	423093	198.51.100.126	\N
pay_X7awV3iGVqKQYc	\N	\N	\N	\N	\N	\N	03/32	\N	INR	\N	Urban Threads	Card payment, Incomplete offer be is slow, later. Closed.	pending	\N	\N	\N	\N	\N	\N
pay_GULF2fasxpnSSO	8990297379	1736211229552	Nathalia Fennessey	6522 4027 9659 1364	1364	652240******1364	08/27	49757.58	USD	\N	Saffron Kitchen	Card payment, Branch days offer up.	captured	\N	\N	\N	\N	\N	\N
pay_hFWH0WPM77lBh9	\N	\N	\N	\N	\N	\N	\N	\N	USD	\N	City Pharmacy	UPI payment, Resolved feedback applied user the kyc.	refunded	\N	\N	\N	\N	\N	\N
pay_srktmiV3otMvKR	8320783240	1736211257989	Adweta Chander	4596235033619861	9861	•••• 9861	11/29	38389.44	INR	\N	Saffron Kitchen	Card payment, Followed up says is.	failed	\N	\N	\N	\N	\N	\N
pay_vyet533LPuOfnY	\N	\N	\N	\N	\N	\N	07/29	\N	GBP	\N	Metro Fuel Station	Card payment, Damaged, package by fails checked not working kyc.	captured	\N	\N	\N	\N	\N	\N
pay_I34pdZBpuRR1PV	\N	1736211345016	\N	4126 5722 4623 2499	2499	\N	12/28	9981.95	USD	\N	Saffron Kitchen	Card payment, Yesterday. Replacement resolved support bad yesterday waiting have update complete.	captured	\N	\N	\N	\N	\N	738-64-7250
pay_86tQFEJgnQxvmb	9503515776	1736211428935	Ubika Dalal	5197 3267 8498 3729	3729	\N	09/28	45647.02	INR	\N	Metro Fuel Station	Card payment, By documents shows item.	refunded	\N	\N	\N	452605	2001:db8::1511:4e72	\N
pay_TntUsbWTodrMts	\N	\N	\N	\N	\N	\N	\N	\N	USD	\N	Blue Dart Kirana	UPI payment, Details have item missing again damaged kyc, service applied.	captured	\N	\N	\N	\N	\N	\N
pay_iluIm8gndWXtTh	8922948006	1736211471028	\N	\N	\N	\N	\N	12412.20	INR	8010006262@ibl	City Pharmacy	UPI payment, Item inconvenience downgrade. Not week looks, documents for.	captured	\N	353857068626395	\N	400235	fe80::f598	\N
pay_MeStaQCfIjN8KC	\N	\N	\N	\N	\N	\N	10/31	\N	INR	\N	Saffron Kitchen	Card payment, An looks pay apologies kindly login is after tonight.	failed	\N	\N	\N	\N	\N	\N
pay_nYhJaUyLfXeYHt	8128241908	1736211579038	Whitney Hoeger	\N	\N	\N	\N	4588.33	USD	whitneyhoeger248@oksbi	Orbit Electronics	UPI payment, Address applied message, screen new renewal kyc.	pending	\N	\N	677546866802	\N	2001:db8::9286:c46e	\N
pay_H67YDi9nZJTmVH	\N	\N	\N	\N	\N	\N	05/31	\N	USD	\N	Metro Fuel Station	Card payment, Status customer, cancel, caused customer.	refunded	\N	\N	\N	\N	\N	\N
pay_TBnwF6ZtMxHm6G	6381382710	1736211682190	Zayan Sharma	\N	\N	\N	\N	2186.02	INR	zayansharma685@paytm	Orbit Electronics	UPI payment, Delivery side app.	failed	\N	\N	\N	\N	\N	\N
pay_SldENI01BOaoXN	8225081888	1736211717643	Raagini Sagar	\N	\N	\N	\N	26674.68	INR	raagini.sagar@okaxis	City Pharmacy	UPI payment, Complete on cancel month delivery address.	failed	4276743698714122	353602410542795	\N	682175	192.168.18.150	\N
pay_wcQvK1hBXLIada	\N	\N	\N	\N	\N	\N	10/30	\N	SGD	\N	Blue Dart Kirana	Card payment, Escalated escalated soon kindly delivery good arrived try.	pending	\N	\N	\N	\N	\N	\N
pay_h050mrjKGVwgxF	\N	1736211851866	Hemani Majumdar	\N	\N	\N	\N	14598.27	INR	hemanimajumdar476@ybl	Metro Fuel Station	UPI payment, Delivery bad user address your please, network.	captured	4367622679544999	\N	\N	560989	\N	\N
pay_UBDUvwa7WrXeXu	\N	\N	\N	\N	\N	\N	\N	\N	INR	\N	City Pharmacy	UPI payment, Verified arrived the email looks month.	failed	\N	\N	\N	\N	\N	\N
pay_WYliBbpACcJD6v	9030785324	1736211969225	Vivaan Ahluwalia	6011-2105-1234-9134	9134	•••• 9134	10/25	1140.53	INR	\N	Urban Threads	Card payment, Expired have for, end renewal message scheduled our.	pending	\N	\N	\N	\N	\N	\N
pay_xzyNXFPUQ6afNY	\N	\N	\N	\N	\N	\N	\N	\N	SGD	\N	Blue Dart Kirana	UPI payment, Agent, the applied week bad, month month up is slow.	captured	\N	\N	\N	\N	\N	\N
pay_2cuPucbZiukoaF	\N	1736212165518	Bhavani Gulati	\N	\N	\N	\N	7755.67	INR	bhavani.gulati@apl	Urban Threads	UPI payment, Later yesterday service issue is pickup agent working tomorrow plan.	refunded	\N	\N	\N	\N	\N	\N
\.

--
-- PostgreSQL database dump complete
--

