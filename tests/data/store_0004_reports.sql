-- A store as schema 0004_reports left it (fictitious data); used by the migration test.
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0004_reports');
CREATE TABLE audit_entries (
	seq INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor_id CHAR(32), 
	actor_name VARCHAR(64) NOT NULL, 
	action VARCHAR(40) NOT NULL, 
	object_type VARCHAR(40) NOT NULL, 
	object_id VARCHAR(40), 
	household_id CHAR(32), 
	result VARCHAR(20) NOT NULL, 
	detail VARCHAR(500) NOT NULL, 
	prev_hash VARCHAR(64) NOT NULL, 
	hash VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_audit_entries PRIMARY KEY (seq)
);
INSERT INTO "audit_entries" VALUES(1,'2026-11-22 21:09:11.991168','b8322823b3954f6b892714f26ecd3d01','beheerder','account-aanmaken','account','b8322823-b395-4f6b-8927-14f26ecd3d01',NULL,'ok','','0000000000000000000000000000000000000000000000000000000000000000','2d2e92baba42a0fa1d8e91e562c34eb32b518e54aeff732628aec4bf046e4390');
INSERT INTO "audit_entries" VALUES(2,'2026-11-22 21:09:12.094738','b8322823b3954f6b892714f26ecd3d01','beheerder','account-aanmaken','account','b016f884-1fec-464d-b7cb-c58916fea939',NULL,'ok','rol consulent','2d2e92baba42a0fa1d8e91e562c34eb32b518e54aeff732628aec4bf046e4390','ca616173fd1ec714a30c42b3ff20a55a74f378521d60dbb03b563f427033234b');
INSERT INTO "audit_entries" VALUES(3,'2026-11-22 21:09:12.100394','b016f8841fec464db7cbc58916fea939','consulent','aanmelden','account','b016f884-1fec-464d-b7cb-c58916fea939',NULL,'ok','','ca616173fd1ec714a30c42b3ff20a55a74f378521d60dbb03b563f427033234b','1e9e83d99c7930258c2d45f7e17a81a53db18970ca6d43c9a474fc512c1e5157');
INSERT INTO "audit_entries" VALUES(4,'2026-11-22 21:09:12.119688','b016f8841fec464db7cbc58916fea939','consulent','aanmaken','huishouden','e8d2b827-1c0e-4fe7-a846-eeadfd042ec5','e8d2b8271c0e4fe7a846eeadfd042ec5','ok','1 gezinsleden','1e9e83d99c7930258c2d45f7e17a81a53db18970ca6d43c9a474fc512c1e5157','08321d0c1a3c9d8ff660512ccdd70f2a3f0acd6a51e071ded394d85bd7eab70b');
INSERT INTO "audit_entries" VALUES(5,'2026-11-22 21:09:12.128794','b016f8841fec464db7cbc58916fea939','consulent','aanmaken','hulpvraag','a0c120f8-3d4e-4a30-9629-217ddacd07e1','e8d2b8271c0e4fe7a846eeadfd042ec5','ok','soort werk_reintegratie, vindplaats zorgloket','08321d0c1a3c9d8ff660512ccdd70f2a3f0acd6a51e071ded394d85bd7eab70b','fae7592cba3cbd6e3817c9355a199be0c683773d04f20715c6f257ab3e0f8741');
CREATE TABLE catalogue_entries (
	catalogue VARCHAR(20) NOT NULL, 
	code VARCHAR(40) NOT NULL, 
	label VARCHAR(200) NOT NULL, 
	law_code VARCHAR(20), 
	ijw_code VARCHAR(2), 
	active BOOLEAN NOT NULL, 
	position INTEGER NOT NULL, 
	shipped BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_catalogue_entries PRIMARY KEY (catalogue, code)
);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','inkomen_uitkering','Inkomen en uitkering','participatiewet',NULL,1,0,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','schulden_geldzaken','Schulden en geldzaken','wgs',NULL,1,1,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','werk_reintegratie','Werk en re-integratie','participatiewet',NULL,1,2,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','opvoeden_opgroeien','Opvoeden en opgroeien','jeugdwet',NULL,1,3,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','psychische_klachten_jeugd','Psychische klachten jeugd','jeugdwet',NULL,1,4,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','onderwijs_schoolverzuim','Onderwijs en schoolverzuim','jeugdwet',NULL,1,5,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','huishoudelijke_ondersteuning','Huishoudelijke ondersteuning','wmo',NULL,1,6,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','begeleiding','Begeleiding','wmo',NULL,1,7,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','dagbesteding_ontmoeting','Dagbesteding en ontmoeting','wmo',NULL,1,8,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','hulpmiddelen_woningaanpassing_vervoer','Hulpmiddelen, woningaanpassing en vervoer','wmo',NULL,1,9,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','mantelzorg','Mantelzorg','wmo',NULL,1,10,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','eenzaamheid_meedoen','Eenzaamheid en meedoen','wmo',NULL,1,11,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','wonen_huisvesting','Wonen en huisvesting','wmo',NULL,1,12,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','veiligheid_thuis','Veiligheid thuis','wmo',NULL,1,13,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','taal_inburgering','Taal en inburgering','inburgering',NULL,1,14,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','informatie_advies','Informatie en advies','geen',NULL,1,15,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('hulpvraagtype','overig','Overig','geen',NULL,1,16,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','zorgloket','Zorgloket/stadhuis',NULL,'01',1,0,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','huisarts','Huisarts (POH-jeugd)',NULL,'02',1,1,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','school','School/IKC (SZO)',NULL,NULL,1,2,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','jgz','Jeugdgezondheidszorg/consultatiebureau',NULL,'03',1,3,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','wijkteam','Wijkteam',NULL,'01',1,4,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','gecertificeerde_instelling','Gecertificeerde instelling',NULL,'04',1,5,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','werkplein','Werkplein',NULL,NULL,1,6,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','sociale_werkvoorziening','Sociale werkvoorziening',NULL,NULL,1,7,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','bibliotheek','Bibliotheek',NULL,NULL,1,8,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','straat_jongerenwerk','Straat/jongerenwerk',NULL,NULL,1,9,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','verloskundige','Verloskundige',NULL,NULL,1,10,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','woningcorporatie','Woningcorporatie',NULL,NULL,1,11,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','inwoner_zelf','Inwoner zelf (zonder verwijzer)',NULL,'06',1,12,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('vindplaats','overig','Overig',NULL,NULL,1,13,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('kanaal','balie','Balie',NULL,NULL,1,0,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('kanaal','telefoon','Telefoon',NULL,NULL,1,1,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('kanaal','digitaal','Digitaal',NULL,NULL,1,2,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('kanaal','huisbezoek','Huisbezoek',NULL,NULL,1,3,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('kanaal','op_de_vindplaats','Op de vindplaats',NULL,NULL,1,4,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('uitkomst','direct_geholpen','Direct geholpen',NULL,NULL,1,0,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('uitkomst','brede_uitvraag','Brede uitvraag gestart',NULL,NULL,1,1,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('uitkomst','doorverwezen','Doorverwezen',NULL,NULL,1,2,1,'2026-11-22 21:09:12.035072',1,NULL);
INSERT INTO "catalogue_entries" VALUES('uitkomst','afgesloten','Afgesloten',NULL,NULL,1,3,1,'2026-11-22 21:09:12.035072',1,NULL);
CREATE TABLE catalogue_labels (
	id CHAR(32) NOT NULL, 
	catalogue VARCHAR(20) NOT NULL, 
	code VARCHAR(40) NOT NULL, 
	label VARCHAR(200) NOT NULL, 
	valid_from DATETIME NOT NULL, 
	set_by_id CHAR(32), 
	CONSTRAINT pk_catalogue_labels PRIMARY KEY (id), 
	CONSTRAINT fk_catalogue_labels_entry FOREIGN KEY(catalogue, code) REFERENCES catalogue_entries (catalogue, code), 
	CONSTRAINT fk_catalogue_labels_set_by_id_users FOREIGN KEY(set_by_id) REFERENCES users (id)
);
INSERT INTO "catalogue_labels" VALUES('c359e87ac1c84371ad593edc5c2285bb','hulpvraagtype','inkomen_uitkering','Inkomen en uitkering','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('90e01ad6165046e9a63d329c4284bd72','hulpvraagtype','schulden_geldzaken','Schulden en geldzaken','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('00f8b2170f314f4f8a32149060f00ecf','hulpvraagtype','werk_reintegratie','Werk en re-integratie','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('0ee186ce6f0e45368fd2a24e4a0d00b8','hulpvraagtype','opvoeden_opgroeien','Opvoeden en opgroeien','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('ffc49fd700a241d1b6be96eb62cb4e13','hulpvraagtype','psychische_klachten_jeugd','Psychische klachten jeugd','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('327c3ef07f01418ab3fc57bebdef9248','hulpvraagtype','onderwijs_schoolverzuim','Onderwijs en schoolverzuim','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('55aa09603435470c9c006ffcfbe7a8df','hulpvraagtype','huishoudelijke_ondersteuning','Huishoudelijke ondersteuning','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('c201507efcb74135a2c52319a91b68b3','hulpvraagtype','begeleiding','Begeleiding','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('d2ca06816785403d9748ecd9be716e48','hulpvraagtype','dagbesteding_ontmoeting','Dagbesteding en ontmoeting','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('20971a10b6eb470f896aa2cbd93fc4d1','hulpvraagtype','hulpmiddelen_woningaanpassing_vervoer','Hulpmiddelen, woningaanpassing en vervoer','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('525b6e849e3a43078df9c25b16fc2e25','hulpvraagtype','mantelzorg','Mantelzorg','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('74aa966996784104b4035b2dc582abf9','hulpvraagtype','eenzaamheid_meedoen','Eenzaamheid en meedoen','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('c9d6891f6901475595ad945b7824570d','hulpvraagtype','wonen_huisvesting','Wonen en huisvesting','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('ae59a8b4d7e74040a8b6f1db586ada68','hulpvraagtype','veiligheid_thuis','Veiligheid thuis','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('2d6fae20ef8847c087b66585792222f7','hulpvraagtype','taal_inburgering','Taal en inburgering','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('e13ebb468cae4189ba081b85d4784025','hulpvraagtype','informatie_advies','Informatie en advies','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('40f7412b5ba345c283d4374601d83428','hulpvraagtype','overig','Overig','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('ca101db6363b4d07a1831a37a5223147','vindplaats','zorgloket','Zorgloket/stadhuis','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('eb07f110b6c74811a536f64c27b58afc','vindplaats','huisarts','Huisarts (POH-jeugd)','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('6850379c0fc5432cab914a12ef1353f9','vindplaats','school','School/IKC (SZO)','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('c1ee49c23dc84324a97a7b9554afb359','vindplaats','jgz','Jeugdgezondheidszorg/consultatiebureau','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('844e1f157e1a488d9cdc4c8a95f0ba98','vindplaats','wijkteam','Wijkteam','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('6b28eddcd5ec424393547b774176da69','vindplaats','gecertificeerde_instelling','Gecertificeerde instelling','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('35da254fd8b94299827e74634b486321','vindplaats','werkplein','Werkplein','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('5856fc37d11d415483a200b70356e5a2','vindplaats','sociale_werkvoorziening','Sociale werkvoorziening','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('bb6deff6029e4ead8b8c42b3b44f2133','vindplaats','bibliotheek','Bibliotheek','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('0dfe29a2cc70410e8c31e12eef5e6535','vindplaats','straat_jongerenwerk','Straat/jongerenwerk','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('8ce9c4d5953f4284b598025680be8fb0','vindplaats','verloskundige','Verloskundige','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('5ffb2ec505ab4f4880b4795497e9a50f','vindplaats','woningcorporatie','Woningcorporatie','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('625434df1ec14a62a575a5cae693c01f','vindplaats','inwoner_zelf','Inwoner zelf (zonder verwijzer)','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('22a491a433154023aef9401292ccde39','vindplaats','overig','Overig','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('f6f0130401d540fba5a9da6301025788','kanaal','balie','Balie','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('65787cfb7f9e4cddb5c0cc8e5706486b','kanaal','telefoon','Telefoon','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('e6cfcff63fa24687bbf6c8cf9806bb4a','kanaal','digitaal','Digitaal','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('657a1e51faec4d1da7094f8282e17a42','kanaal','huisbezoek','Huisbezoek','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('4f313c9b9e26499eae6264cb2b534932','kanaal','op_de_vindplaats','Op de vindplaats','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('67cdd7c3fd834038b3aef93117093170','uitkomst','direct_geholpen','Direct geholpen','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('f8c3af47265c4bdca6e1910c95b1df5f','uitkomst','brede_uitvraag','Brede uitvraag gestart','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('097780e5d19d4b288fbcc8679d51ccd9','uitkomst','doorverwezen','Doorverwezen','2000-01-01 00:00:00.000000',NULL);
INSERT INTO "catalogue_labels" VALUES('135747d62ac34ce2a73e8c01f001101c','uitkomst','afgesloten','Afgesloten','2000-01-01 00:00:00.000000',NULL);
CREATE TABLE counters (
	name VARCHAR(40) NOT NULL, 
	value INTEGER NOT NULL, 
	CONSTRAINT pk_counters PRIMARY KEY (name)
);
INSERT INTO "counters" VALUES('dossier-2026',1);
CREATE TABLE help_questions (
	id CHAR(32) NOT NULL, 
	household_id CHAR(32) NOT NULL, 
	member_id CHAR(32), 
	registered_on DATE NOT NULL, 
	registered_at DATETIME NOT NULL, 
	registered_by_id CHAR(32) NOT NULL, 
	type_code VARCHAR(40) NOT NULL, 
	vindplaats_code VARCHAR(40) NOT NULL, 
	channel_code VARCHAR(40) NOT NULL, 
	question VARCHAR(300) NOT NULL, 
	outcome_code VARCHAR(40) NOT NULL, 
	referral_target VARCHAR(200) NOT NULL, 
	intake_id CHAR(32), 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_help_questions PRIMARY KEY (id), 
	CONSTRAINT fk_help_questions_household_id_households FOREIGN KEY(household_id) REFERENCES households (id) ON DELETE CASCADE, 
	CONSTRAINT fk_help_questions_intake_id_intakes FOREIGN KEY(intake_id) REFERENCES intakes (id) ON DELETE SET NULL, 
	CONSTRAINT fk_help_questions_member_id_members FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE SET NULL, 
	CONSTRAINT fk_help_questions_registered_by_id_users FOREIGN KEY(registered_by_id) REFERENCES users (id)
);
INSERT INTO "help_questions" VALUES('a0c120f83d4e4a309629217ddacd07e1','e8d2b8271c0e4fe7a846eeadfd042ec5',NULL,'2026-11-22','2026-11-22 21:09:12.128794','b016f8841fec464db7cbc58916fea939','werk_reintegratie','zorgloket','telefoon','','brede_uitvraag','',NULL,1,NULL);
CREATE TABLE household_access (
	household_id CHAR(32) NOT NULL, 
	user_id CHAR(32) NOT NULL, 
	granted_at DATETIME NOT NULL, 
	CONSTRAINT pk_household_access PRIMARY KEY (household_id, user_id), 
	CONSTRAINT fk_household_access_household_id_households FOREIGN KEY(household_id) REFERENCES households (id) ON DELETE CASCADE, 
	CONSTRAINT fk_household_access_user_id_users FOREIGN KEY(user_id) REFERENCES users (id)
);
CREATE TABLE households (
	id CHAR(32) NOT NULL, 
	dossiernummer VARCHAR(20) NOT NULL, 
	street VARCHAR(200) NOT NULL, 
	house_number INTEGER NOT NULL, 
	house_number_suffix VARCHAR(10) NOT NULL, 
	postcode VARCHAR(7) NOT NULL, 
	city VARCHAR(100) NOT NULL, 
	phone VARCHAR(40) NOT NULL, 
	email VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by_id CHAR(32) NOT NULL, 
	is_demo BOOLEAN NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_households PRIMARY KEY (id), 
	CONSTRAINT fk_households_created_by_id_users FOREIGN KEY(created_by_id) REFERENCES users (id), 
	CONSTRAINT uq_households_dossiernummer UNIQUE (dossiernummer)
);
INSERT INTO "households" VALUES('e8d2b8271c0e4fe7a846eeadfd042ec5','HH-2026-000001','Brinkstraat',14,'','7551CK','Hengelo','','','2026-11-22 21:09:12.119688','b016f8841fec464db7cbc58916fea939',0,1,NULL);
CREATE TABLE intake_answers (
	id CHAR(32) NOT NULL, 
	intake_id CHAR(32) NOT NULL, 
	question_key VARCHAR(80) NOT NULL, 
	repeat_key VARCHAR(40) NOT NULL, 
	value_json TEXT NOT NULL, 
	definition_version INTEGER NOT NULL, 
	answered_by_id CHAR(32) NOT NULL, 
	answered_at DATETIME NOT NULL, 
	CONSTRAINT pk_intake_answers PRIMARY KEY (id), 
	CONSTRAINT fk_intake_answers_answered_by_id_users FOREIGN KEY(answered_by_id) REFERENCES users (id), 
	CONSTRAINT fk_intake_answers_intake_id_intakes FOREIGN KEY(intake_id) REFERENCES intakes (id) ON DELETE CASCADE, 
	CONSTRAINT uq_intake_answers_key UNIQUE (intake_id, question_key, repeat_key)
);
CREATE TABLE intakes (
	id CHAR(32) NOT NULL, 
	household_id CHAR(32) NOT NULL, 
	definition_key VARCHAR(40) NOT NULL, 
	definition_version INTEGER NOT NULL, 
	channel_code VARCHAR(40) NOT NULL, 
	vindplaats_code VARCHAR(40) NOT NULL, 
	status VARCHAR(12) NOT NULL, 
	started_at DATETIME NOT NULL, 
	started_by_id CHAR(32) NOT NULL, 
	finished_at DATETIME, 
	finished_by_id CHAR(32), 
	current_key VARCHAR(80), 
	current_repeat VARCHAR(40) NOT NULL, 
	next_step VARCHAR(40), 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_intakes PRIMARY KEY (id), 
	CONSTRAINT fk_intakes_finished_by_id_users FOREIGN KEY(finished_by_id) REFERENCES users (id), 
	CONSTRAINT fk_intakes_household_id_households FOREIGN KEY(household_id) REFERENCES households (id) ON DELETE CASCADE, 
	CONSTRAINT fk_intakes_started_by_id_users FOREIGN KEY(started_by_id) REFERENCES users (id)
);
CREATE TABLE members (
	id CHAR(32) NOT NULL, 
	household_id CHAR(32) NOT NULL, 
	position INTEGER NOT NULL, 
	given_name VARCHAR(100) NOT NULL, 
	prefix VARCHAR(20) NOT NULL, 
	family_name VARCHAR(100) NOT NULL, 
	date_of_birth DATE, 
	role VARCHAR(32) NOT NULL, 
	bsn VARCHAR(9), 
	family_key VARCHAR(100) NOT NULL, 
	given_key VARCHAR(100) NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_members PRIMARY KEY (id), 
	CONSTRAINT fk_members_household_id_households FOREIGN KEY(household_id) REFERENCES households (id) ON DELETE CASCADE
);
INSERT INTO "members" VALUES('4610637199324cf19cb947aa31d57144','e8d2b8271c0e4fe7a846eeadfd042ec5',0,'Jolanda','','Verhoef','1998-05-17','alleenstaande','111222333','verhoef','jolanda',1,NULL);
CREATE TABLE network_contacts (
	id CHAR(32) NOT NULL, 
	household_id CHAR(32) NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	relation VARCHAR(100) NOT NULL, 
	phone VARCHAR(40) NOT NULL, 
	can_help_with VARCHAR(500) NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_network_contacts PRIMARY KEY (id), 
	CONSTRAINT fk_network_contacts_household_id_households FOREIGN KEY(household_id) REFERENCES households (id) ON DELETE CASCADE
);
INSERT INTO "network_contacts" VALUES('80e5ea57faf34f0ba6f2d5312b69b354','e8d2b8271c0e4fe7a846eeadfd042ec5',0,'Mark Oude Egberink','vriend','','',1,NULL);
CREATE TABLE plan_actions (
	id CHAR(32) NOT NULL, 
	result_id CHAR(32) NOT NULL, 
	lineage_id CHAR(32) NOT NULL, 
	position INTEGER NOT NULL, 
	what TEXT NOT NULL, 
	who_kind VARCHAR(20) NOT NULL, 
	who_name VARCHAR(200) NOT NULL, 
	support_level VARCHAR(40) NOT NULL, 
	service_id CHAR(32), 
	start_on DATE, 
	due_on DATE, 
	status VARCHAR(20) NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_plan_actions PRIMARY KEY (id), 
	CONSTRAINT fk_plan_actions_result_id_plan_results FOREIGN KEY(result_id) REFERENCES plan_results (id) ON DELETE CASCADE, 
	CONSTRAINT fk_plan_actions_service_id_social_services FOREIGN KEY(service_id) REFERENCES social_services (id) ON DELETE SET NULL
);
CREATE TABLE plan_evaluation_moments (
	id CHAR(32) NOT NULL, 
	plan_version_id CHAR(32) NOT NULL, 
	due_on DATE NOT NULL, 
	label VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_plan_evaluation_moments PRIMARY KEY (id), 
	CONSTRAINT fk_plan_evaluation_moments_plan_version_id_plan_versions FOREIGN KEY(plan_version_id) REFERENCES plan_versions (id) ON DELETE CASCADE
);
CREATE TABLE plan_evaluation_outcomes (
	id CHAR(32) NOT NULL, 
	evaluation_id CHAR(32) NOT NULL, 
	result_id CHAR(32) NOT NULL, 
	outcome VARCHAR(20) NOT NULL, 
	note TEXT NOT NULL, 
	CONSTRAINT pk_plan_evaluation_outcomes PRIMARY KEY (id), 
	CONSTRAINT fk_plan_evaluation_outcomes_evaluation_id_plan_evaluations FOREIGN KEY(evaluation_id) REFERENCES plan_evaluations (id) ON DELETE CASCADE, 
	CONSTRAINT fk_plan_evaluation_outcomes_result_id_plan_results FOREIGN KEY(result_id) REFERENCES plan_results (id) ON DELETE CASCADE
);
CREATE TABLE plan_evaluations (
	id CHAR(32) NOT NULL, 
	plan_version_id CHAR(32) NOT NULL, 
	evaluated_on DATE NOT NULL, 
	satisfaction INTEGER, 
	decision VARCHAR(20) NOT NULL, 
	closing_reason VARCHAR(500) NOT NULL, 
	note TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by_id CHAR(32) NOT NULL, 
	CONSTRAINT pk_plan_evaluations PRIMARY KEY (id), 
	CONSTRAINT fk_plan_evaluations_created_by_id_users FOREIGN KEY(created_by_id) REFERENCES users (id), 
	CONSTRAINT fk_plan_evaluations_plan_version_id_plan_versions FOREIGN KEY(plan_version_id) REFERENCES plan_versions (id) ON DELETE CASCADE, 
	CONSTRAINT uq_plan_evaluations_plan_version_id UNIQUE (plan_version_id)
);
CREATE TABLE plan_professionals (
	id CHAR(32) NOT NULL, 
	plan_version_id CHAR(32) NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	organisation VARCHAR(200) NOT NULL, 
	role VARCHAR(200) NOT NULL, 
	contact VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_plan_professionals PRIMARY KEY (id), 
	CONSTRAINT fk_plan_professionals_plan_version_id_plan_versions FOREIGN KEY(plan_version_id) REFERENCES plan_versions (id) ON DELETE CASCADE
);
CREATE TABLE plan_results (
	id CHAR(32) NOT NULL, 
	plan_version_id CHAR(32) NOT NULL, 
	lineage_id CHAR(32) NOT NULL, 
	position INTEGER NOT NULL, 
	domain_code VARCHAR(40) NOT NULL, 
	law_code VARCHAR(20) NOT NULL, 
	theme VARCHAR(30), 
	member_id CHAR(32), 
	text TEXT NOT NULL, 
	target_on DATE, 
	source_kind VARCHAR(20) NOT NULL, 
	source_ref VARCHAR(80) NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_plan_results PRIMARY KEY (id), 
	CONSTRAINT fk_plan_results_member_id_members FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE SET NULL, 
	CONSTRAINT fk_plan_results_plan_version_id_plan_versions FOREIGN KEY(plan_version_id) REFERENCES plan_versions (id) ON DELETE CASCADE
);
CREATE TABLE plan_versions (
	id CHAR(32) NOT NULL, 
	plan_id CHAR(32) NOT NULL, 
	number INTEGER NOT NULL, 
	status VARCHAR(24) NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by_id CHAR(32) NOT NULL, 
	agreed_on DATE, 
	agreed_how VARCHAR(20), 
	agreed_recorded_by_id CHAR(32), 
	client_support_offered BOOLEAN NOT NULL, 
	regisseur_id CHAR(32), 
	aanspreekpunt VARCHAR(200) NOT NULL, 
	aanspreekpunt_contact VARCHAR(200) NOT NULL, 
	strengths TEXT NOT NULL, 
	worries TEXT NOT NULL, 
	earlier_help TEXT NOT NULL, 
	closing_reason VARCHAR(500) NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_plan_versions PRIMARY KEY (id), 
	CONSTRAINT fk_plan_versions_agreed_recorded_by_id_users FOREIGN KEY(agreed_recorded_by_id) REFERENCES users (id), 
	CONSTRAINT fk_plan_versions_created_by_id_users FOREIGN KEY(created_by_id) REFERENCES users (id), 
	CONSTRAINT fk_plan_versions_plan_id_plans FOREIGN KEY(plan_id) REFERENCES plans (id) ON DELETE CASCADE, 
	CONSTRAINT fk_plan_versions_regisseur_id_users FOREIGN KEY(regisseur_id) REFERENCES users (id), 
	CONSTRAINT uq_plan_versions_number UNIQUE (plan_id, number)
);
CREATE TABLE plans (
	id CHAR(32) NOT NULL, 
	household_id CHAR(32) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	owner_member_id CHAR(32), 
	scope_key VARCHAR(60) NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by_id CHAR(32) NOT NULL, 
	closed_at DATETIME, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_plans PRIMARY KEY (id), 
	CONSTRAINT fk_plans_created_by_id_users FOREIGN KEY(created_by_id) REFERENCES users (id), 
	CONSTRAINT fk_plans_household_id_households FOREIGN KEY(household_id) REFERENCES households (id) ON DELETE CASCADE, 
	CONSTRAINT fk_plans_owner_member_id_members FOREIGN KEY(owner_member_id) REFERENCES members (id) ON DELETE SET NULL, 
	CONSTRAINT uq_plans_scope UNIQUE (household_id, scope_key)
);
CREATE TABLE signal_steps (
	id CHAR(32) NOT NULL, 
	signal_id CHAR(32) NOT NULL, 
	step INTEGER NOT NULL, 
	decision TEXT NOT NULL, 
	decided_at DATETIME NOT NULL, 
	decided_by_id CHAR(32) NOT NULL, 
	CONSTRAINT pk_signal_steps PRIMARY KEY (id), 
	CONSTRAINT fk_signal_steps_decided_by_id_users FOREIGN KEY(decided_by_id) REFERENCES users (id), 
	CONSTRAINT fk_signal_steps_signal_id_signals FOREIGN KEY(signal_id) REFERENCES signals (id) ON DELETE CASCADE, 
	CONSTRAINT uq_signal_steps_step UNIQUE (signal_id, step)
);
CREATE TABLE signals (
	id CHAR(32) NOT NULL, 
	intake_id CHAR(32) NOT NULL, 
	household_id CHAR(32) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	question_key VARCHAR(80) NOT NULL, 
	repeat_key VARCHAR(40) NOT NULL, 
	raised_at DATETIME NOT NULL, 
	raised_by_id CHAR(32) NOT NULL, 
	handled_at DATETIME, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_signals PRIMARY KEY (id), 
	CONSTRAINT fk_signals_household_id_households FOREIGN KEY(household_id) REFERENCES households (id) ON DELETE CASCADE, 
	CONSTRAINT fk_signals_intake_id_intakes FOREIGN KEY(intake_id) REFERENCES intakes (id) ON DELETE CASCADE, 
	CONSTRAINT fk_signals_raised_by_id_users FOREIGN KEY(raised_by_id) REFERENCES users (id)
);
CREATE TABLE social_services (
	id CHAR(32) NOT NULL, 
	code VARCHAR(60) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	organisation VARCHAR(200) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	domain_code VARCHAR(40) NOT NULL, 
	description VARCHAR(500) NOT NULL, 
	contact VARCHAR(500) NOT NULL, 
	active BOOLEAN NOT NULL, 
	shipped BOOLEAN NOT NULL, 
	search_key VARCHAR(400) NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_social_services PRIMARY KEY (id), 
	CONSTRAINT uq_social_services_code UNIQUE (code)
);
INSERT INTO "social_services" VALUES('bd618538a96d4f088cb289392146a9de','zorgloket','Zorgloket: informatie, advies en aanvraag','Gemeente Hengelo','algemeen','maatschappelijke_participatie','Het loket van de gemeente voor vragen over zorg, ondersteuning, jeugd en inkomen.','',1,1,'zorgloket: informatie, advies en aanvraag gemeente hengelo',1,NULL);
INSERT INTO "social_services" VALUES('24479f3b9b9c49ea808c3ef1e5e5c9b6','wijkteam','Wijkteam','Wijkracht','algemeen','maatschappelijke_participatie','Sociaal werkers in de wijk: kortdurende hulp, meedenken en doorverwijzen.','',1,1,'wijkteam wijkracht',1,NULL);
INSERT INTO "social_services" VALUES('576dddeae8bb41ec99814b00c2e3746e','wijkracht_ontmoeting','Ontmoetingsplekken en buurthuizen','Wijkracht','algemeen','sociaal_netwerk','Vrij toegankelijke activiteiten en ontmoeting in de wijk.','',1,1,'ontmoetingsplekken en buurthuizen wijkracht',1,NULL);
INSERT INTO "social_services" VALUES('87be247ac50a4d5899197d2c296fb259','wijkracht_jongerenwerk','Jongerenwerk','Wijkracht','algemeen','tijdsbesteding','Jongerenwerkers op straat en in de wijk.','',1,1,'jongerenwerk wijkracht',1,NULL);
INSERT INTO "social_services" VALUES('d3d389002bc649518fb8b9f6d9534827','wijkracht_mantelzorg','Mantelzorgondersteuning','Wijkracht','algemeen','mantelzorg','Advies, respijt en contact met andere mantelzorgers.','',1,1,'mantelzorgondersteuning wijkracht',1,NULL);
INSERT INTO "social_services" VALUES('39c493bbc1f043b5b0dcc73f475caa23','loes_opvoedadvies','Opvoedinformatie en -advies','LOES','algemeen','opvoeden_opgroeien','Laagdrempelig advies voor ouders over opvoeden en opgroeien.','',1,1,'opvoedinformatie en -advies loes',1,NULL);
INSERT INTO "social_services" VALUES('e142f8e3facb46a6a6bea3074f8f72ba','humanitas_thuisadministratie','Thuisadministratie','Humanitas','algemeen','financien','Vrijwilligers helpen de post en de administratie op orde te brengen.','',1,1,'thuisadministratie humanitas',1,NULL);
INSERT INTO "social_services" VALUES('319a104c6efb47c98c0ee8a9ead981dc','humanitas_maatje','Maatjesproject','Humanitas','algemeen','sociaal_netwerk','Een vrijwilliger als maatje tegen eenzaamheid.','',1,1,'maatjesproject humanitas',1,NULL);
INSERT INTO "social_services" VALUES('b510ceaa9f994247954abb470bd0467c','humanitas_ouders_lvb','Steun voor ouders met een verstandelijke beperking','Humanitas','algemeen','opvoeden_opgroeien','Thuisbezoeken en steun bij het opvoeden.','',1,1,'steun voor ouders met een verstandelijke beperking humanitas',1,NULL);
INSERT INTO "social_services" VALUES('c15e0ce32c2d44aabc9f921df6ced39e','budgetalert','Vroegsignalering schulden','BudgetAlert','algemeen','financien','Vroeg contact bij betalingsachterstanden op huur, energie en zorgverzekering.','',1,1,'vroegsignalering schulden budgetalert',1,NULL);
INSERT INTO "social_services" VALUES('1190c93e96b4419a872db76ebf2c77df','stadsbank_schuldhulp','Schuldhulpverlening','Stadsbank Oost Nederland','maatwerk','financien','Schuldregeling en budgetbeheer (Wgs).','',1,1,'schuldhulpverlening stadsbank oost nederland',1,NULL);
INSERT INTO "social_services" VALUES('d9181e66411d49e38fae360aaaff834b','stadsbank_budgetbeheer','Budgetbeheer','Stadsbank Oost Nederland','maatwerk','financien','Vaste lasten worden voor de inwoner betaald.','',1,1,'budgetbeheer stadsbank oost nederland',1,NULL);
INSERT INTO "social_services" VALUES('079b091e3d884f6a8356a20777304753','werkplein_inkomen','Inkomen en uitkering','Werkplein Hengelo','maatwerk','financien','Bijstand en bijzondere bijstand (Participatiewet).','',1,1,'inkomen en uitkering werkplein hengelo',1,NULL);
INSERT INTO "social_services" VALUES('57b5b4b481134e278124473f01bb180f','werkplein_werk','Werk en re-integratie','Werkplein Hengelo','maatwerk','werk_opleiding','Begeleiding naar werk, scholing en werkervaring.','',1,1,'werk en re-integratie werkplein hengelo',1,NULL);
INSERT INTO "social_services" VALUES('a3cd511daf0d4a47acf1013dd9033cd6','swb_werk','Beschut werk en re-integratie','SWB','maatwerk','werk_opleiding','Werk met begeleiding en leerwerkplekken.','',1,1,'beschut werk en re-integratie swb',1,NULL);
INSERT INTO "social_services" VALUES('eb4ef3ba316a4b6eb399594cb8982d15','ggd_jgz','Jeugdgezondheidszorg en consultatiebureau','GGD Twente','algemeen','opvoeden_opgroeien','Jeugdarts en jeugdverpleegkundige, 0-18 jaar.','',1,1,'jeugdgezondheidszorg en consultatiebureau ggd twente',1,NULL);
INSERT INTO "social_services" VALUES('2a084bc162454d88b031ac792db76dfd','jeugdbescherming_overijssel','Jeugdbescherming en jeugdreclassering','Jeugdbescherming Overijssel','maatwerk','opvoeden_opgroeien','Uitvoering van maatregelen van de kinderrechter (gedwongen kader).','',1,1,'jeugdbescherming en jeugdreclassering jeugdbescherming overijssel',1,NULL);
INSERT INTO "social_services" VALUES('51e79eccbc534f4f85ec984040082e28','william_schrikker','Jeugdbescherming bij een beperking','William Schrikker Stichting','maatwerk','opvoeden_opgroeien','Jeugdbescherming voor gezinnen met een beperking (gedwongen kader).','',1,1,'jeugdbescherming bij een beperking william schrikker stichting',1,NULL);
INSERT INTO "social_services" VALUES('d5f763185ffe4259829f7ab6a3216b21','leger_des_heils_jb','Jeugdbescherming en gezinsbegeleiding','Leger des Heils','maatwerk','opvoeden_opgroeien','Jeugdbescherming en ambulante gezinsbegeleiding.','',1,1,'jeugdbescherming en gezinsbegeleiding leger des heils',1,NULL);
INSERT INTO "social_services" VALUES('3e13db0769384bbd92b83055cf03d242','jeugdsportfonds','Sporten voor kinderen','Jeugdsportfonds','algemeen','maatschappelijke_participatie','Contributie en spullen voor sport als thuis het geld ontbreekt.','',1,1,'sporten voor kinderen jeugdsportfonds',1,NULL);
INSERT INTO "social_services" VALUES('6dc063d91d704f4e9cd5289e1381773d','jeugdcultuurfonds','Cultuur voor kinderen','Jeugdcultuurfonds','algemeen','maatschappelijke_participatie','Muziek-, dans- of theaterles als thuis het geld ontbreekt.','',1,1,'cultuur voor kinderen jeugdcultuurfonds',1,NULL);
INSERT INTO "social_services" VALUES('ead69b3956dc4f658cff212a29c93af3','kickstart','Kickstart: startkapitaal voor jongeren','Kickstart','algemeen','financien','Steun voor jongeren die zelfstandig gaan wonen.','',1,1,'kickstart: startkapitaal voor jongeren kickstart',1,NULL);
INSERT INTO "social_services" VALUES('80c623eb046e4af6b1acca5c356e7fa3','welbions_woonconsulent','Woonconsulent','Welbions','algemeen','huisvesting','Hulp bij huurachterstand, woonproblemen en overlast.','',1,1,'woonconsulent welbions',1,NULL);
INSERT INTO "social_services" VALUES('256d8e9720954476af33f9941ccacbb6','carintreggeland_thuiszorg','Huishoudelijke ondersteuning','CarintReggeland','maatwerk','instrumentele_adl','Hulp bij het huishouden (Wmo).','',1,1,'huishoudelijke ondersteuning carintreggeland',1,NULL);
INSERT INTO "social_services" VALUES('d6b0735b73ca4f7fbe72bf505177642e','carintreggeland_dagbesteding','Dagbesteding','CarintReggeland','maatwerk','tijdsbesteding','Dagbesteding voor ouderen en mensen met een beperking (Wmo).','',1,1,'dagbesteding carintreggeland',1,NULL);
INSERT INTO "social_services" VALUES('c89a1461269f45489bebaac730f4b740','trivium_ambulant','Ambulante jeugdhulp','Trivium','maatwerk','opvoeden_opgroeien','Begeleiding van kinderen en ouders thuis (Jeugdwet).','',1,1,'ambulante jeugdhulp trivium',1,NULL);
INSERT INTO "social_services" VALUES('4c48cb575fdb425386330fcebad4191a','trivium_pleegzorg','Pleegzorg en verblijf','Trivium','maatwerk','opvoeden_opgroeien','Pleeggezin of verblijf voor kinderen die niet thuis kunnen wonen.','',1,1,'pleegzorg en verblijf trivium',1,NULL);
INSERT INTO "social_services" VALUES('6c03bf661e124c0cbc403a13184e0198','individuele_begeleiding','Individuele begeleiding','Gecontracteerde zorgaanbieder','maatwerk','instrumentele_adl','Begeleiding thuis bij structuur, administratie en afspraken (Wmo).','',1,1,'individuele begeleiding gecontracteerde zorgaanbieder',1,NULL);
INSERT INTO "social_services" VALUES('bdff0a80e80141829ae4fc9142cbafbd','hulpmiddelen_vervoer','Hulpmiddelen, woningaanpassing en vervoer','Gemeente Hengelo','maatwerk','lichamelijke_gezondheid','Rolstoel, traplift, aanpassing van de woning, regiotaxi (Wmo).','',1,1,'hulpmiddelen, woningaanpassing en vervoer gemeente hengelo',1,NULL);
INSERT INTO "social_services" VALUES('101cfa80bab74495811d69dce4366347','clientondersteuning','Onafhankelijke cliëntondersteuning','Wijkracht','algemeen','maatschappelijke_participatie','Gratis en onafhankelijk meedenken met de inwoner, ook bij het plan.','',1,1,'onafhankelijke clientondersteuning wijkracht',1,NULL);
INSERT INTO "social_services" VALUES('9134ca6626264988a5db9f1afc1ae869','bibliotheek_taalhuis','Taalhuis: lezen, schrijven en digitale vaardigheden','Bibliotheek Hengelo','algemeen','taal','Taalcafé, cursussen en hulp met formulieren.','',1,1,'taalhuis: lezen, schrijven en digitale vaardigheden bibliotheek hengelo',1,NULL);
INSERT INTO "social_services" VALUES('9e71e6b9f4264b6399ffec51fece6b89','inburgering','Begeleiding inburgering','Gemeente Hengelo','maatwerk','taal','Leerroute en begeleiding volgens de Wet inburgering.','',1,1,'begeleiding inburgering gemeente hengelo',1,NULL);
CREATE TABLE store_secrets (
	name VARCHAR(40) NOT NULL, 
	value VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_store_secrets PRIMARY KEY (name)
);
CREATE TABLE users (
	id CHAR(32) NOT NULL, 
	username VARCHAR(64) NOT NULL, 
	display_name VARCHAR(200) NOT NULL, 
	role VARCHAR(32) NOT NULL, 
	password_hash VARCHAR(255) NOT NULL, 
	disabled BOOLEAN NOT NULL, 
	vindplaats_code VARCHAR(32), 
	failed_logins INTEGER NOT NULL, 
	locked_until DATETIME, 
	is_demo BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at DATETIME, 
	CONSTRAINT pk_users PRIMARY KEY (id), 
	CONSTRAINT uq_users_username UNIQUE (username)
);
INSERT INTO "users" VALUES('b8322823b3954f6b892714f26ecd3d01','beheerder','Bea Beheer','beheerder','$argon2id$v=19$m=1024,t=1,p=1$lZ2TTRxGTCaIuJe6pr7tUw$aOrmhY8X4lg9QedXxvrN/RsRam0FM0rupJJZAHijlOk',0,NULL,0,NULL,0,'2026-11-22 21:09:11.991168',1,NULL);
INSERT INTO "users" VALUES('b016f8841fec464db7cbc58916fea939','consulent','Carla Consulent','consulent','$argon2id$v=19$m=1024,t=1,p=1$U5NGC2vA3OfCRFZCxjMitA$PBw49M6C1dBMrn6N2zZUp45p1R2b71HWehtcsEBfQxM',0,NULL,0,NULL,0,'2026-11-22 21:09:12.094738',1,NULL);
CREATE INDEX ix_audit_actor_action_at ON audit_entries (actor_id, action, at);
CREATE INDEX ix_audit_household_at ON audit_entries (household_id, at);
CREATE INDEX ix_households_postcode ON households (postcode);
CREATE INDEX ix_households_postcode_number ON households (postcode, house_number);
CREATE INDEX ix_household_access_user_id ON household_access (user_id);
CREATE INDEX ix_members_bsn ON members (bsn);
CREATE INDEX ix_members_date_of_birth ON members (date_of_birth);
CREATE INDEX ix_members_family_key ON members (family_key);
CREATE INDEX ix_members_given_key ON members (given_key);
CREATE INDEX ix_members_household_id ON members (household_id);
CREATE INDEX ix_network_contacts_household_id ON network_contacts (household_id);
CREATE INDEX ix_catalogue_labels_code_from ON catalogue_labels (catalogue, code, valid_from);
CREATE INDEX ix_intakes_household_id ON intakes (household_id);
CREATE INDEX ix_intakes_status_started ON intakes (status, started_at);
CREATE INDEX ix_help_questions_household_id ON help_questions (household_id);
CREATE INDEX ix_help_questions_intake_id ON help_questions (intake_id);
CREATE INDEX ix_help_questions_registered_on ON help_questions (registered_on);
CREATE INDEX ix_signals_household_id ON signals (household_id);
CREATE INDEX ix_signals_intake_id ON signals (intake_id);
CREATE INDEX ix_signal_steps_signal_id ON signal_steps (signal_id);
CREATE INDEX ix_social_services_search_key ON social_services (search_key);
CREATE INDEX ix_plans_household_id ON plans (household_id);
CREATE INDEX ix_plan_versions_plan_status ON plan_versions (plan_id, status);
CREATE INDEX ix_plan_versions_regisseur_id ON plan_versions (regisseur_id);
CREATE INDEX ix_plan_versions_status ON plan_versions (status);
CREATE INDEX ix_plan_evaluation_moments_due_on ON plan_evaluation_moments (due_on);
CREATE INDEX ix_plan_evaluation_moments_plan_version_id ON plan_evaluation_moments (plan_version_id);
CREATE INDEX ix_plan_professionals_plan_version_id ON plan_professionals (plan_version_id);
CREATE INDEX ix_plan_results_plan_version_id ON plan_results (plan_version_id);
CREATE INDEX ix_plan_actions_result_id ON plan_actions (result_id);
CREATE INDEX ix_plan_evaluation_outcomes_evaluation_id ON plan_evaluation_outcomes (evaluation_id);
CREATE INDEX ix_plan_evaluation_outcomes_result_id ON plan_evaluation_outcomes (result_id);
CREATE INDEX ix_plan_versions_agreed_on ON plan_versions (agreed_on);
CREATE INDEX ix_plan_evaluations_evaluated_on ON plan_evaluations (evaluated_on);
CREATE INDEX ix_intakes_started_at ON intakes (started_at);
CREATE INDEX ix_intakes_finished_at ON intakes (finished_at);
CREATE INDEX ix_plan_actions_result_level ON plan_actions (result_id, support_level, lineage_id);
COMMIT;
