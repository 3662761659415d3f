-- A store as schema 0001_foundation left it (fictitious data); used by the migration test.
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0001_foundation');
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
INSERT INTO "audit_entries" VALUES(1,'2026-11-22 19:25:50.517440','ca2e77b7b8c2483aa42a378728616087','beheerder','account-aanmaken','account','ca2e77b7-b8c2-483a-a42a-378728616087',NULL,'ok','','0000000000000000000000000000000000000000000000000000000000000000','19263ea5f8acb69c7e648153ea546c2f538961b26dff6857535ad37ac2f50ae3');
INSERT INTO "audit_entries" VALUES(2,'2026-11-22 19:25:50.574926','ca2e77b7b8c2483aa42a378728616087','beheerder','account-aanmaken','account','c3783b3e-7d53-4562-abc9-31d93ef64f09',NULL,'ok','rol consulent','19263ea5f8acb69c7e648153ea546c2f538961b26dff6857535ad37ac2f50ae3','c074aeacda028899b4ba621c40993606b63d613d1b8c43abc5bca8769b727b21');
INSERT INTO "audit_entries" VALUES(3,'2026-11-22 19:25:50.580750','c3783b3e7d534562abc931d93ef64f09','consulent','aanmelden','account','c3783b3e-7d53-4562-abc9-31d93ef64f09',NULL,'ok','','c074aeacda028899b4ba621c40993606b63d613d1b8c43abc5bca8769b727b21','01704bd96906e59dd0d29339b8b680e06302a7bd5c40cd992bf628f6c15412f6');
INSERT INTO "audit_entries" VALUES(4,'2026-11-22 19:25:50.593086','c3783b3e7d534562abc931d93ef64f09','consulent','aanmaken','huishouden','6f1941d1-7411-402b-9057-dc34ae282c63','6f1941d17411402b9057dc34ae282c63','ok','1 gezinsleden','01704bd96906e59dd0d29339b8b680e06302a7bd5c40cd992bf628f6c15412f6','1324332e5d692d951cf63fa786739a6252048899442caab14bae46e6958af2ac');
CREATE TABLE counters (
	name VARCHAR(40) NOT NULL, 
	value INTEGER NOT NULL, 
	CONSTRAINT pk_counters PRIMARY KEY (name)
);
INSERT INTO "counters" VALUES('dossier-2026',1);
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
INSERT INTO "households" VALUES('6f1941d17411402b9057dc34ae282c63','HH-2026-000001','Brinkstraat',14,'','7551CK','Hengelo','','','2026-11-22 19:25:50.593086','c3783b3e7d534562abc931d93ef64f09',0,1,NULL);
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
INSERT INTO "members" VALUES('408eff9dde2c48c5b53458ad6664c0be','6f1941d17411402b9057dc34ae282c63',0,'Jolanda','','Verhoef','1998-05-17','alleenstaande','111222333','verhoef','jolanda',1,NULL);
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
INSERT INTO "network_contacts" VALUES('09978250b51f43d88b49c509a6bff6c9','6f1941d17411402b9057dc34ae282c63',0,'Mark Oude Egberink','vriend','','',1,NULL);
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
INSERT INTO "users" VALUES('ca2e77b7b8c2483aa42a378728616087','beheerder','Bea Beheer','beheerder','$argon2id$v=19$m=1024,t=1,p=1$fqqv4puH/YgAuJ6jHobVbg$CyINOmnUrzA/T8LS/WGMYZuqeh84u0awzbakd/UVLBI',0,NULL,0,NULL,0,'2026-11-22 19:25:50.517440',1,NULL);
INSERT INTO "users" VALUES('c3783b3e7d534562abc931d93ef64f09','consulent','Carla Consulent','consulent','$argon2id$v=19$m=1024,t=1,p=1$dvftVpKqK4S6i48oo17rpw$3UDWfrdDAwq2IJjhTlLYbTxEvIl0Jo0H/1KECJ8UdSo',0,NULL,0,NULL,0,'2026-11-22 19:25:50.574926',1,NULL);
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
COMMIT;
