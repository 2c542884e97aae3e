import { Migration } from "@mikro-orm/migrations";

export class Migration20261123203139 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "actor" ("id" serial primary key, "uuid" uuid not null, "naam" varchar(200) not null, "soort_actor" text check ("soort_actor" in ('medewerker', 'geautomatiseerde_actor', 'organisatorische_eenheid')) not null, "indicatie_actief" boolean not null default true, "actoridentificator_code_objecttype" varchar(200) null, "actoridentificator_code_register" varchar(200) null, "actoridentificator_code_soort_object_id" varchar(200) null, "actoridentificator_object_id" varchar(200) null, "functie" varchar(40) null, "emailadres" varchar(254) null, "telefoonnummer" varchar(20) null, "omschrijving" varchar(200) null, "faxnummer" varchar(20) null);`,
    );
    this.addSql(`alter table "actor" add constraint "actor_uuid_unique" unique ("uuid");`);
    this.addSql(
      `create index "actor_actoridentificator_index" on "actor" ("actoridentificator_object_id", "actoridentificator_code_objecttype");`,
    );

    this.addSql(`create table "categorie" ("id" serial primary key, "uuid" uuid not null, "naam" varchar(80) not null default '');`);
    this.addSql(`alter table "categorie" add constraint "categorie_uuid_unique" unique ("uuid");`);

    this.addSql(
      `create table "klantcontact" ("id" serial primary key, "uuid" uuid not null, "nummer" varchar(10) null, "referentienummer" varchar(10) null, "kanaal" varchar(50) not null, "onderwerp" varchar(200) not null, "inhoud" varchar(1000) not null default '', "reactie" varchar(4000) not null default '', "indicatie_contact_gelukt" boolean null, "hoofd_onderwerp_type" varchar(200) not null default '', "verdere_actie_ondernomen" boolean not null default false, "taal" varchar(3) not null, "vertrouwelijk" boolean not null, "plaatsgevonden_op" timestamptz not null, "metadata" jsonb not null, constraint klantcontact_geen_verdere_actie_als_gelukt check (not (indicatie_contact_gelukt = true and verdere_actie_ondernomen = true)));`,
    );
    this.addSql(`alter table "klantcontact" add constraint "klantcontact_uuid_unique" unique ("uuid");`);
    this.addSql(`alter table "klantcontact" add constraint "klantcontact_nummer_unique" unique ("nummer");`);
    this.addSql(`alter table "klantcontact" add constraint "klantcontact_referentienummer_unique" unique ("referentienummer");`);
    this.addSql(`create index "klantcontact_kanaal_index" on "klantcontact" ("kanaal");`);
    this.addSql(`create index "klantcontact_plaatsgevonden_op_index" on "klantcontact" ("plaatsgevonden_op", "id");`);

    this.addSql(
      `create table "interne_taak" ("id" serial primary key, "uuid" uuid not null, "nummer" varchar(10) null, "referentienummer" varchar(10) null, "gevraagde_handeling" varchar(200) not null, "aanleidinggevend_klantcontact_id" int not null, "toelichting" varchar(1000) not null default '', "status" text check ("status" in ('te_verwerken', 'verwerkt')) not null, "toegewezen_op" timestamptz not null, "afgehandeld_op" timestamptz null);`,
    );
    this.addSql(`alter table "interne_taak" add constraint "interne_taak_uuid_unique" unique ("uuid");`);
    this.addSql(`alter table "interne_taak" add constraint "interne_taak_nummer_unique" unique ("nummer");`);
    this.addSql(`alter table "interne_taak" add constraint "interne_taak_referentienummer_unique" unique ("referentienummer");`);
    this.addSql(
      `create index "interne_taak_aanleidinggevend_klantcontact_id_index" on "interne_taak" ("aanleidinggevend_klantcontact_id");`,
    );
    this.addSql(`create index "interne_taak_status_index" on "interne_taak" ("status", "id");`);

    this.addSql(
      `create table "bijlage" ("id" serial primary key, "uuid" uuid not null, "was_bijlage_van_klantcontact_id" int null, "bijlageidentificator_code_objecttype" varchar(200) null, "bijlageidentificator_code_register" varchar(200) null, "bijlageidentificator_code_soort_object_id" varchar(200) null, "bijlageidentificator_object_id" varchar(200) null);`,
    );
    this.addSql(`alter table "bijlage" add constraint "bijlage_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "bijlage_was_bijlage_van_klantcontact_id_index" on "bijlage" ("was_bijlage_van_klantcontact_id");`);

    this.addSql(
      `create table "actor_klantcontact" ("id" serial primary key, "uuid" uuid not null, "actor_id" int not null, "klantcontact_id" int not null);`,
    );
    this.addSql(`alter table "actor_klantcontact" add constraint "actor_klantcontact_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "actor_klantcontact_klantcontact_id_index" on "actor_klantcontact" ("klantcontact_id");`);
    this.addSql(
      `alter table "actor_klantcontact" add constraint "actor_klantcontact_actor_id_klantcontact_id_unique" unique ("actor_id", "klantcontact_id");`,
    );

    this.addSql(
      `create table "onderwerpobject" ("id" serial primary key, "uuid" uuid not null, "klantcontact_id" int null, "was_klantcontact_id" int null, "onderwerpobjectidentificator_code_objecttype" varchar(200) null, "onderwerpobjectidentificator_code_register" varchar(200) null, "onderwerpobjectidentificator_code_soort_object_id" varchar(200) null, "onderwerpobjectidentificator_object_id" varchar(200) null);`,
    );
    this.addSql(`alter table "onderwerpobject" add constraint "onderwerpobject_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "onderwerpobject_klantcontact_id_index" on "onderwerpobject" ("klantcontact_id");`);
    this.addSql(`create index "onderwerpobject_was_klantcontact_id_index" on "onderwerpobject" ("was_klantcontact_id");`);
    this.addSql(
      `create index "onderwerpobject_identificator_index" on "onderwerpobject" ("onderwerpobjectidentificator_object_id", "onderwerpobjectidentificator_code_objecttype");`,
    );

    this.addSql(
      `create table "rekeningnummer" ("id" serial primary key, "uuid" uuid not null, "partij_id" int null, "iban" varchar(34) not null, "bic" varchar(11) not null default '');`,
    );
    this.addSql(`alter table "rekeningnummer" add constraint "rekeningnummer_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "rekeningnummer_partij_id_index" on "rekeningnummer" ("partij_id");`);

    this.addSql(
      `create table "partij" ("id" serial primary key, "uuid" uuid not null, "nummer" varchar(10) null, "interne_notitie" varchar(1000) not null default '', "soort_partij" text check ("soort_partij" in ('persoon', 'organisatie', 'contactpersoon')) not null, "indicatie_geheimhouding" boolean null, "voorkeurstaal" varchar(3) not null default '', "indicatie_actief" boolean not null, "bezoekadres_nummeraanduiding_id" varchar(16) null, "bezoekadres_straatnaam" varchar(255) null, "bezoekadres_huisnummer" int null, "bezoekadres_huisnummertoevoeging" varchar(20) null, "bezoekadres_postcode" varchar(7) null, "bezoekadres_stad" varchar(255) null, "bezoekadres_adresregel1" varchar(80) null, "bezoekadres_adresregel2" varchar(80) null, "bezoekadres_adresregel3" varchar(80) null, "bezoekadres_land" varchar(2) null, "correspondentieadres_nummeraanduiding_id" varchar(16) null, "correspondentieadres_straatnaam" varchar(255) null, "correspondentieadres_huisnummer" int null, "correspondentieadres_huisnummertoevoeging" varchar(20) null, "correspondentieadres_postcode" varchar(7) null, "correspondentieadres_stad" varchar(255) null, "correspondentieadres_adresregel1" varchar(80) null, "correspondentieadres_adresregel2" varchar(80) null, "correspondentieadres_adresregel3" varchar(80) null, "correspondentieadres_land" varchar(2) null, "voorkeurs_digitaal_adres_id" int null, "voorkeurs_rekeningnummer_id" int null, "contactnaam_voorletters" varchar(10) null, "contactnaam_voornaam" varchar(200) null, "contactnaam_voorvoegsel_achternaam" varchar(10) null, "contactnaam_achternaam" varchar(200) null, "organisatienaam" varchar(200) null, "contactpersoon_uuid" uuid null, "werkte_voor_partij_id" int null);`,
    );
    this.addSql(`alter table "partij" add constraint "partij_uuid_unique" unique ("uuid");`);
    this.addSql(`alter table "partij" add constraint "partij_nummer_unique" unique ("nummer");`);
    this.addSql(`create index "partij_voorkeurs_digitaal_adres_id_index" on "partij" ("voorkeurs_digitaal_adres_id");`);
    this.addSql(`create index "partij_voorkeurs_rekeningnummer_id_index" on "partij" ("voorkeurs_rekeningnummer_id");`);
    this.addSql(`create index "partij_werkte_voor_partij_id_index" on "partij" ("werkte_voor_partij_id");`);
    this.addSql(`create index "partij_soort_partij_index" on "partij" ("soort_partij");`);

    this.addSql(
      `create table "partij_identificator" ("id" serial primary key, "uuid" uuid not null, "identificeerde_partij_id" int null, "andere_partij_identificator" varchar(200) not null default '', "code_objecttype" text check ("code_objecttype" in ('natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging')) not null, "code_soort_object_id" text check ("code_soort_object_id" in ('bsn', 'vestigingsnummer', 'kvk_nummer', 'rsin')) not null, "object_id" varchar(200) not null, "code_register" text check ("code_register" in ('brp', 'hr')) not null, "sub_identificator_van_id" int null);`,
    );
    this.addSql(`alter table "partij_identificator" add constraint "partij_identificator_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "partij_identificator_object_id_index" on "partij_identificator" ("object_id", "code_soort_object_id");`);
    this.addSql(
      `alter table "partij_identificator" add constraint "partij_identificator_locally_unique" unique ("identificeerde_partij_id", "code_soort_object_id");`,
    );
    this.addSql(
      `alter table "partij_identificator" add constraint "partij_identificator_scoped_unique" unique ("sub_identificator_van_id", "code_objecttype", "code_soort_object_id", "object_id", "code_register");`,
    );
    this.addSql(
      `create unique index partij_identificator_globally_unique on partij_identificator (code_objecttype, code_soort_object_id, object_id, code_register) where sub_identificator_van_id is null;`,
    );

    this.addSql(
      `create table "categorie_relatie" ("id" serial primary key, "uuid" uuid not null, "partij_id" int null, "categorie_id" int null, "begin_datum" date null, "eind_datum" date null);`,
    );
    this.addSql(`alter table "categorie_relatie" add constraint "categorie_relatie_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "categorie_relatie_partij_id_index" on "categorie_relatie" ("partij_id");`);
    this.addSql(`create index "categorie_relatie_categorie_id_index" on "categorie_relatie" ("categorie_id");`);

    this.addSql(
      `create table "betrokkene" ("id" serial primary key, "uuid" uuid not null, "was_partij_id" int null, "had_klantcontact_id" int not null, "bezoekadres_nummeraanduiding_id" varchar(16) null, "bezoekadres_straatnaam" varchar(255) null, "bezoekadres_huisnummer" int null, "bezoekadres_huisnummertoevoeging" varchar(20) null, "bezoekadres_postcode" varchar(7) null, "bezoekadres_stad" varchar(255) null, "bezoekadres_adresregel1" varchar(80) null, "bezoekadres_adresregel2" varchar(80) null, "bezoekadres_adresregel3" varchar(80) null, "bezoekadres_land" varchar(2) null, "correspondentieadres_nummeraanduiding_id" varchar(16) null, "correspondentieadres_straatnaam" varchar(255) null, "correspondentieadres_huisnummer" int null, "correspondentieadres_huisnummertoevoeging" varchar(20) null, "correspondentieadres_postcode" varchar(7) null, "correspondentieadres_stad" varchar(255) null, "correspondentieadres_adresregel1" varchar(80) null, "correspondentieadres_adresregel2" varchar(80) null, "correspondentieadres_adresregel3" varchar(80) null, "correspondentieadres_land" varchar(2) null, "contactnaam_voorletters" varchar(10) null, "contactnaam_voornaam" varchar(200) null, "contactnaam_voorvoegsel_achternaam" varchar(10) null, "contactnaam_achternaam" varchar(200) null, "rol" text check ("rol" in ('vertegenwoordiger', 'klant')) not null, "organisatienaam" varchar(200) not null default '', "initiator" boolean not null);`,
    );
    this.addSql(`alter table "betrokkene" add constraint "betrokkene_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "betrokkene_was_partij_id_index" on "betrokkene" ("was_partij_id");`);
    this.addSql(`create index "betrokkene_had_klantcontact_id_index" on "betrokkene" ("had_klantcontact_id");`);

    this.addSql(
      `create table "digitaal_adres" ("id" serial primary key, "uuid" uuid not null, "verstrekt_door_betrokkene_id" int null, "verstrekt_door_partij_id" int null, "adres" varchar(80) not null, "soort_digitaal_adres" text check ("soort_digitaal_adres" in ('email', 'telefoonnummer', 'overig')) not null, "is_standaard_adres" boolean not null default false, "omschrijving" varchar(40) not null default '', "referentie" varchar(50) not null default '', "verificatie_datum" date null);`,
    );
    this.addSql(`alter table "digitaal_adres" add constraint "digitaal_adres_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "digitaal_adres_verstrekt_door_betrokkene_id_index" on "digitaal_adres" ("verstrekt_door_betrokkene_id");`);
    this.addSql(`create index "digitaal_adres_verstrekt_door_partij_id_index" on "digitaal_adres" ("verstrekt_door_partij_id");`);
    this.addSql(`create index "digitaal_adres_adres_index" on "digitaal_adres" ("adres");`);
    this.addSql(
      `create unique index digitaal_adres_referentie_uniek_per_partij_en_soort on digitaal_adres (verstrekt_door_partij_id, referentie, soort_digitaal_adres) where referentie <> '';`,
    );
    this.addSql(
      `create unique index digitaal_adres_een_standaard_per_partij_en_soort on digitaal_adres (verstrekt_door_partij_id, soort_digitaal_adres) where is_standaard_adres = true;`,
    );

    this.addSql(
      `create table "toewijzing" ("id" serial primary key, "uuid" uuid not null, "interne_taak_id" int not null, "actor_id" int not null);`,
    );
    this.addSql(`alter table "toewijzing" add constraint "toewijzing_uuid_unique" unique ("uuid");`);
    this.addSql(`create index "toewijzing_actor_id_index" on "toewijzing" ("actor_id");`);
    this.addSql(
      `alter table "toewijzing" add constraint "toewijzing_interne_taak_id_actor_id_unique" unique ("interne_taak_id", "actor_id");`,
    );

    this.addSql(
      `create table "vertegenwoordiging" ("id" serial primary key, "uuid" uuid not null, "vertegenwoordigende_partij_id" int not null, "vertegenwoordigde_partij_id" int not null, constraint vertegenwoordiging_niet_zichzelf check (vertegenwoordigende_partij_id <> vertegenwoordigde_partij_id));`,
    );
    this.addSql(`alter table "vertegenwoordiging" add constraint "vertegenwoordiging_uuid_unique" unique ("uuid");`);
    this.addSql(
      `create index "vertegenwoordiging_vertegenwoordigde_partij_id_index" on "vertegenwoordiging" ("vertegenwoordigde_partij_id");`,
    );
    this.addSql(
      `alter table "vertegenwoordiging" add constraint "vertegenwoordiging_vertegenwoordigende_partij_id__2ed8d_unique" unique ("vertegenwoordigende_partij_id", "vertegenwoordigde_partij_id");`,
    );

    this.addSql(
      `alter table "interne_taak" add constraint "interne_taak_aanleidinggevend_klantcontact_id_foreign" foreign key ("aanleidinggevend_klantcontact_id") references "klantcontact" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "bijlage" add constraint "bijlage_was_bijlage_van_klantcontact_id_foreign" foreign key ("was_bijlage_van_klantcontact_id") references "klantcontact" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "actor_klantcontact" add constraint "actor_klantcontact_actor_id_foreign" foreign key ("actor_id") references "actor" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "actor_klantcontact" add constraint "actor_klantcontact_klantcontact_id_foreign" foreign key ("klantcontact_id") references "klantcontact" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "onderwerpobject" add constraint "onderwerpobject_klantcontact_id_foreign" foreign key ("klantcontact_id") references "klantcontact" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "onderwerpobject" add constraint "onderwerpobject_was_klantcontact_id_foreign" foreign key ("was_klantcontact_id") references "klantcontact" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "rekeningnummer" add constraint "rekeningnummer_partij_id_foreign" foreign key ("partij_id") references "partij" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "partij" add constraint "partij_voorkeurs_digitaal_adres_id_foreign" foreign key ("voorkeurs_digitaal_adres_id") references "digitaal_adres" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "partij" add constraint "partij_voorkeurs_rekeningnummer_id_foreign" foreign key ("voorkeurs_rekeningnummer_id") references "rekeningnummer" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "partij" add constraint "partij_werkte_voor_partij_id_foreign" foreign key ("werkte_voor_partij_id") references "partij" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "partij_identificator" add constraint "partij_identificator_identificeerde_partij_id_foreign" foreign key ("identificeerde_partij_id") references "partij" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "partij_identificator" add constraint "partij_identificator_sub_identificator_van_id_foreign" foreign key ("sub_identificator_van_id") references "partij_identificator" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "categorie_relatie" add constraint "categorie_relatie_partij_id_foreign" foreign key ("partij_id") references "partij" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "categorie_relatie" add constraint "categorie_relatie_categorie_id_foreign" foreign key ("categorie_id") references "categorie" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "betrokkene" add constraint "betrokkene_was_partij_id_foreign" foreign key ("was_partij_id") references "partij" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "betrokkene" add constraint "betrokkene_had_klantcontact_id_foreign" foreign key ("had_klantcontact_id") references "klantcontact" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "digitaal_adres" add constraint "digitaal_adres_verstrekt_door_betrokkene_id_foreign" foreign key ("verstrekt_door_betrokkene_id") references "betrokkene" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "digitaal_adres" add constraint "digitaal_adres_verstrekt_door_partij_id_foreign" foreign key ("verstrekt_door_partij_id") references "partij" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "toewijzing" add constraint "toewijzing_interne_taak_id_foreign" foreign key ("interne_taak_id") references "interne_taak" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "toewijzing" add constraint "toewijzing_actor_id_foreign" foreign key ("actor_id") references "actor" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "vertegenwoordiging" add constraint "vertegenwoordiging_vertegenwoordigende_partij_id_foreign" foreign key ("vertegenwoordigende_partij_id") references "partij" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "vertegenwoordiging" add constraint "vertegenwoordiging_vertegenwoordigde_partij_id_foreign" foreign key ("vertegenwoordigde_partij_id") references "partij" ("id") on update cascade on delete cascade;`,
    );
  }
}
