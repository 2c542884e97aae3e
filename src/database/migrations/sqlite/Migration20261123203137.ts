import { Migration } from "@mikro-orm/migrations";

export class Migration20261123203137 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`actor\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`naam\` text not null, \`soort_actor\` text check (\`soort_actor\` in ('medewerker', 'geautomatiseerde_actor', 'organisatorische_eenheid')) not null, \`indicatie_actief\` integer not null default true, \`actoridentificator_code_objecttype\` text null, \`actoridentificator_code_register\` text null, \`actoridentificator_code_soort_object_id\` text null, \`actoridentificator_object_id\` text null, \`functie\` text null, \`emailadres\` text null, \`telefoonnummer\` text null, \`omschrijving\` text null, \`faxnummer\` text null);`,
    );
    this.addSql(`create unique index \`actor_uuid_unique\` on \`actor\` (\`uuid\`);`);
    this.addSql(
      `create index \`actor_actoridentificator_index\` on \`actor\` (\`actoridentificator_object_id\`, \`actoridentificator_code_objecttype\`);`,
    );

    this.addSql(
      `create table \`categorie\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`naam\` text not null default '');`,
    );
    this.addSql(`create unique index \`categorie_uuid_unique\` on \`categorie\` (\`uuid\`);`);

    this.addSql(
      `create table \`klantcontact\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`nummer\` text null, \`referentienummer\` text null, \`kanaal\` text not null, \`onderwerp\` text not null, \`inhoud\` text not null default '', \`reactie\` text not null default '', \`indicatie_contact_gelukt\` integer null, \`hoofd_onderwerp_type\` text not null default '', \`verdere_actie_ondernomen\` integer not null default false, \`taal\` text not null, \`vertrouwelijk\` integer not null, \`plaatsgevonden_op\` datetime not null, \`metadata\` json not null, constraint klantcontact_geen_verdere_actie_als_gelukt check (not (indicatie_contact_gelukt = true and verdere_actie_ondernomen = true)));`,
    );
    this.addSql(`create unique index \`klantcontact_uuid_unique\` on \`klantcontact\` (\`uuid\`);`);
    this.addSql(`create unique index \`klantcontact_nummer_unique\` on \`klantcontact\` (\`nummer\`);`);
    this.addSql(`create unique index \`klantcontact_referentienummer_unique\` on \`klantcontact\` (\`referentienummer\`);`);
    this.addSql(`create index \`klantcontact_kanaal_index\` on \`klantcontact\` (\`kanaal\`);`);
    this.addSql(`create index \`klantcontact_plaatsgevonden_op_index\` on \`klantcontact\` (\`plaatsgevonden_op\`, \`id\`);`);

    this.addSql(
      `create table \`interne_taak\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`nummer\` text null, \`referentienummer\` text null, \`gevraagde_handeling\` text not null, \`aanleidinggevend_klantcontact_id\` integer not null, \`toelichting\` text not null default '', \`status\` text check (\`status\` in ('te_verwerken', 'verwerkt')) not null, \`toegewezen_op\` datetime not null, \`afgehandeld_op\` datetime null, constraint \`interne_taak_aanleidinggevend_klantcontact_id_foreign\` foreign key(\`aanleidinggevend_klantcontact_id\`) references \`klantcontact\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`interne_taak_uuid_unique\` on \`interne_taak\` (\`uuid\`);`);
    this.addSql(`create unique index \`interne_taak_nummer_unique\` on \`interne_taak\` (\`nummer\`);`);
    this.addSql(`create unique index \`interne_taak_referentienummer_unique\` on \`interne_taak\` (\`referentienummer\`);`);
    this.addSql(
      `create index \`interne_taak_aanleidinggevend_klantcontact_id_index\` on \`interne_taak\` (\`aanleidinggevend_klantcontact_id\`);`,
    );
    this.addSql(`create index \`interne_taak_status_index\` on \`interne_taak\` (\`status\`, \`id\`);`);

    this.addSql(
      `create table \`bijlage\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`was_bijlage_van_klantcontact_id\` integer null, \`bijlageidentificator_code_objecttype\` text null, \`bijlageidentificator_code_register\` text null, \`bijlageidentificator_code_soort_object_id\` text null, \`bijlageidentificator_object_id\` text null, constraint \`bijlage_was_bijlage_van_klantcontact_id_foreign\` foreign key(\`was_bijlage_van_klantcontact_id\`) references \`klantcontact\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`bijlage_uuid_unique\` on \`bijlage\` (\`uuid\`);`);
    this.addSql(`create index \`bijlage_was_bijlage_van_klantcontact_id_index\` on \`bijlage\` (\`was_bijlage_van_klantcontact_id\`);`);

    this.addSql(
      `create table \`actor_klantcontact\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`actor_id\` integer not null, \`klantcontact_id\` integer not null, constraint \`actor_klantcontact_actor_id_foreign\` foreign key(\`actor_id\`) references \`actor\`(\`id\`) on delete cascade on update cascade, constraint \`actor_klantcontact_klantcontact_id_foreign\` foreign key(\`klantcontact_id\`) references \`klantcontact\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`actor_klantcontact_uuid_unique\` on \`actor_klantcontact\` (\`uuid\`);`);
    this.addSql(`create index \`actor_klantcontact_actor_id_index\` on \`actor_klantcontact\` (\`actor_id\`);`);
    this.addSql(`create index \`actor_klantcontact_klantcontact_id_index\` on \`actor_klantcontact\` (\`klantcontact_id\`);`);
    this.addSql(
      `create unique index \`actor_klantcontact_actor_id_klantcontact_id_unique\` on \`actor_klantcontact\` (\`actor_id\`, \`klantcontact_id\`);`,
    );

    this.addSql(
      `create table \`onderwerpobject\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`klantcontact_id\` integer null, \`was_klantcontact_id\` integer null, \`onderwerpobjectidentificator_code_objecttype\` text null, \`onderwerpobjectidentificator_code_register\` text null, \`onderwerpobjectidentificator_code_soort_object_id\` text null, \`onderwerpobjectidentificator_object_id\` text null, constraint \`onderwerpobject_klantcontact_id_foreign\` foreign key(\`klantcontact_id\`) references \`klantcontact\`(\`id\`) on delete cascade on update cascade, constraint \`onderwerpobject_was_klantcontact_id_foreign\` foreign key(\`was_klantcontact_id\`) references \`klantcontact\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`onderwerpobject_uuid_unique\` on \`onderwerpobject\` (\`uuid\`);`);
    this.addSql(`create index \`onderwerpobject_klantcontact_id_index\` on \`onderwerpobject\` (\`klantcontact_id\`);`);
    this.addSql(`create index \`onderwerpobject_was_klantcontact_id_index\` on \`onderwerpobject\` (\`was_klantcontact_id\`);`);
    this.addSql(
      `create index \`onderwerpobject_identificator_index\` on \`onderwerpobject\` (\`onderwerpobjectidentificator_object_id\`, \`onderwerpobjectidentificator_code_objecttype\`);`,
    );

    this.addSql(
      `create table \`rekeningnummer\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`partij_id\` integer null, \`iban\` text not null, \`bic\` text not null default '', constraint \`rekeningnummer_partij_id_foreign\` foreign key(\`partij_id\`) references \`partij\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`rekeningnummer_uuid_unique\` on \`rekeningnummer\` (\`uuid\`);`);
    this.addSql(`create index \`rekeningnummer_partij_id_index\` on \`rekeningnummer\` (\`partij_id\`);`);

    this.addSql(
      `create table \`partij\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`nummer\` text null, \`interne_notitie\` text not null default '', \`soort_partij\` text check (\`soort_partij\` in ('persoon', 'organisatie', 'contactpersoon')) not null, \`indicatie_geheimhouding\` integer null, \`voorkeurstaal\` text not null default '', \`indicatie_actief\` integer not null, \`bezoekadres_nummeraanduiding_id\` text null, \`bezoekadres_straatnaam\` text null, \`bezoekadres_huisnummer\` integer null, \`bezoekadres_huisnummertoevoeging\` text null, \`bezoekadres_postcode\` text null, \`bezoekadres_stad\` text null, \`bezoekadres_adresregel1\` text null, \`bezoekadres_adresregel2\` text null, \`bezoekadres_adresregel3\` text null, \`bezoekadres_land\` text null, \`correspondentieadres_nummeraanduiding_id\` text null, \`correspondentieadres_straatnaam\` text null, \`correspondentieadres_huisnummer\` integer null, \`correspondentieadres_huisnummertoevoeging\` text null, \`correspondentieadres_postcode\` text null, \`correspondentieadres_stad\` text null, \`correspondentieadres_adresregel1\` text null, \`correspondentieadres_adresregel2\` text null, \`correspondentieadres_adresregel3\` text null, \`correspondentieadres_land\` text null, \`voorkeurs_digitaal_adres_id\` integer null, \`voorkeurs_rekeningnummer_id\` integer null, \`contactnaam_voorletters\` text null, \`contactnaam_voornaam\` text null, \`contactnaam_voorvoegsel_achternaam\` text null, \`contactnaam_achternaam\` text null, \`organisatienaam\` text null, \`contactpersoon_uuid\` text null, \`werkte_voor_partij_id\` integer null, constraint \`partij_voorkeurs_digitaal_adres_id_foreign\` foreign key(\`voorkeurs_digitaal_adres_id\`) references \`digitaal_adres\`(\`id\`) on delete set null on update cascade, constraint \`partij_voorkeurs_rekeningnummer_id_foreign\` foreign key(\`voorkeurs_rekeningnummer_id\`) references \`rekeningnummer\`(\`id\`) on delete set null on update cascade, constraint \`partij_werkte_voor_partij_id_foreign\` foreign key(\`werkte_voor_partij_id\`) references \`partij\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(`create unique index \`partij_uuid_unique\` on \`partij\` (\`uuid\`);`);
    this.addSql(`create unique index \`partij_nummer_unique\` on \`partij\` (\`nummer\`);`);
    this.addSql(`create index \`partij_voorkeurs_digitaal_adres_id_index\` on \`partij\` (\`voorkeurs_digitaal_adres_id\`);`);
    this.addSql(`create index \`partij_voorkeurs_rekeningnummer_id_index\` on \`partij\` (\`voorkeurs_rekeningnummer_id\`);`);
    this.addSql(`create index \`partij_werkte_voor_partij_id_index\` on \`partij\` (\`werkte_voor_partij_id\`);`);
    this.addSql(`create index \`partij_soort_partij_index\` on \`partij\` (\`soort_partij\`);`);

    this.addSql(
      `create table \`partij_identificator\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`identificeerde_partij_id\` integer null, \`andere_partij_identificator\` text not null default '', \`code_objecttype\` text check (\`code_objecttype\` in ('natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging')) not null, \`code_soort_object_id\` text check (\`code_soort_object_id\` in ('bsn', 'vestigingsnummer', 'kvk_nummer', 'rsin')) not null, \`object_id\` text not null, \`code_register\` text check (\`code_register\` in ('brp', 'hr')) not null, \`sub_identificator_van_id\` integer null, constraint \`partij_identificator_identificeerde_partij_id_foreign\` foreign key(\`identificeerde_partij_id\`) references \`partij\`(\`id\`) on delete cascade on update cascade, constraint \`partij_identificator_sub_identificator_van_id_foreign\` foreign key(\`sub_identificator_van_id\`) references \`partij_identificator\`(\`id\`) on delete restrict on update cascade);`,
    );
    this.addSql(`create unique index \`partij_identificator_uuid_unique\` on \`partij_identificator\` (\`uuid\`);`);
    this.addSql(
      `create index \`partij_identificator_identificeerde_partij_id_index\` on \`partij_identificator\` (\`identificeerde_partij_id\`);`,
    );
    this.addSql(
      `create index \`partij_identificator_sub_identificator_van_id_index\` on \`partij_identificator\` (\`sub_identificator_van_id\`);`,
    );
    this.addSql(
      `create index \`partij_identificator_object_id_index\` on \`partij_identificator\` (\`object_id\`, \`code_soort_object_id\`);`,
    );
    this.addSql(
      `create unique index \`partij_identificator_locally_unique\` on \`partij_identificator\` (\`identificeerde_partij_id\`, \`code_soort_object_id\`);`,
    );
    this.addSql(
      `create unique index \`partij_identificator_scoped_unique\` on \`partij_identificator\` (\`sub_identificator_van_id\`, \`code_objecttype\`, \`code_soort_object_id\`, \`object_id\`, \`code_register\`);`,
    );
    this.addSql(
      `create unique index partij_identificator_globally_unique on partij_identificator (code_objecttype, code_soort_object_id, object_id, code_register) where sub_identificator_van_id is null;`,
    );

    this.addSql(
      `create table \`categorie_relatie\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`partij_id\` integer null, \`categorie_id\` integer null, \`begin_datum\` date null, \`eind_datum\` date null, constraint \`categorie_relatie_partij_id_foreign\` foreign key(\`partij_id\`) references \`partij\`(\`id\`) on delete cascade on update cascade, constraint \`categorie_relatie_categorie_id_foreign\` foreign key(\`categorie_id\`) references \`categorie\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`categorie_relatie_uuid_unique\` on \`categorie_relatie\` (\`uuid\`);`);
    this.addSql(`create index \`categorie_relatie_partij_id_index\` on \`categorie_relatie\` (\`partij_id\`);`);
    this.addSql(`create index \`categorie_relatie_categorie_id_index\` on \`categorie_relatie\` (\`categorie_id\`);`);

    this.addSql(
      `create table \`betrokkene\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`was_partij_id\` integer null, \`had_klantcontact_id\` integer not null, \`bezoekadres_nummeraanduiding_id\` text null, \`bezoekadres_straatnaam\` text null, \`bezoekadres_huisnummer\` integer null, \`bezoekadres_huisnummertoevoeging\` text null, \`bezoekadres_postcode\` text null, \`bezoekadres_stad\` text null, \`bezoekadres_adresregel1\` text null, \`bezoekadres_adresregel2\` text null, \`bezoekadres_adresregel3\` text null, \`bezoekadres_land\` text null, \`correspondentieadres_nummeraanduiding_id\` text null, \`correspondentieadres_straatnaam\` text null, \`correspondentieadres_huisnummer\` integer null, \`correspondentieadres_huisnummertoevoeging\` text null, \`correspondentieadres_postcode\` text null, \`correspondentieadres_stad\` text null, \`correspondentieadres_adresregel1\` text null, \`correspondentieadres_adresregel2\` text null, \`correspondentieadres_adresregel3\` text null, \`correspondentieadres_land\` text null, \`contactnaam_voorletters\` text null, \`contactnaam_voornaam\` text null, \`contactnaam_voorvoegsel_achternaam\` text null, \`contactnaam_achternaam\` text null, \`rol\` text check (\`rol\` in ('vertegenwoordiger', 'klant')) not null, \`organisatienaam\` text not null default '', \`initiator\` integer not null, constraint \`betrokkene_was_partij_id_foreign\` foreign key(\`was_partij_id\`) references \`partij\`(\`id\`) on delete cascade on update cascade, constraint \`betrokkene_had_klantcontact_id_foreign\` foreign key(\`had_klantcontact_id\`) references \`klantcontact\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`betrokkene_uuid_unique\` on \`betrokkene\` (\`uuid\`);`);
    this.addSql(`create index \`betrokkene_was_partij_id_index\` on \`betrokkene\` (\`was_partij_id\`);`);
    this.addSql(`create index \`betrokkene_had_klantcontact_id_index\` on \`betrokkene\` (\`had_klantcontact_id\`);`);

    this.addSql(
      `create table \`digitaal_adres\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`verstrekt_door_betrokkene_id\` integer null, \`verstrekt_door_partij_id\` integer null, \`adres\` text not null, \`soort_digitaal_adres\` text check (\`soort_digitaal_adres\` in ('email', 'telefoonnummer', 'overig')) not null, \`is_standaard_adres\` integer not null default false, \`omschrijving\` text not null default '', \`referentie\` text not null default '', \`verificatie_datum\` date null, constraint \`digitaal_adres_verstrekt_door_betrokkene_id_foreign\` foreign key(\`verstrekt_door_betrokkene_id\`) references \`betrokkene\`(\`id\`) on delete set null on update cascade, constraint \`digitaal_adres_verstrekt_door_partij_id_foreign\` foreign key(\`verstrekt_door_partij_id\`) references \`partij\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`digitaal_adres_uuid_unique\` on \`digitaal_adres\` (\`uuid\`);`);
    this.addSql(
      `create index \`digitaal_adres_verstrekt_door_betrokkene_id_index\` on \`digitaal_adres\` (\`verstrekt_door_betrokkene_id\`);`,
    );
    this.addSql(`create index \`digitaal_adres_verstrekt_door_partij_id_index\` on \`digitaal_adres\` (\`verstrekt_door_partij_id\`);`);
    this.addSql(`create index \`digitaal_adres_adres_index\` on \`digitaal_adres\` (\`adres\`);`);
    this.addSql(
      `create unique index digitaal_adres_referentie_uniek_per_partij_en_soort on digitaal_adres (verstrekt_door_partij_id, referentie, soort_digitaal_adres) where referentie <> '';`,
    );
    this.addSql(
      `create unique index digitaal_adres_een_standaard_per_partij_en_soort on digitaal_adres (verstrekt_door_partij_id, soort_digitaal_adres) where is_standaard_adres = true;`,
    );

    this.addSql(
      `create table \`toewijzing\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`interne_taak_id\` integer not null, \`actor_id\` integer not null, constraint \`toewijzing_interne_taak_id_foreign\` foreign key(\`interne_taak_id\`) references \`interne_taak\`(\`id\`) on delete cascade on update cascade, constraint \`toewijzing_actor_id_foreign\` foreign key(\`actor_id\`) references \`actor\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`toewijzing_uuid_unique\` on \`toewijzing\` (\`uuid\`);`);
    this.addSql(`create index \`toewijzing_interne_taak_id_index\` on \`toewijzing\` (\`interne_taak_id\`);`);
    this.addSql(`create index \`toewijzing_actor_id_index\` on \`toewijzing\` (\`actor_id\`);`);
    this.addSql(
      `create unique index \`toewijzing_interne_taak_id_actor_id_unique\` on \`toewijzing\` (\`interne_taak_id\`, \`actor_id\`);`,
    );

    this.addSql(
      `create table \`vertegenwoordiging\` (\`id\` integer not null primary key autoincrement, \`uuid\` text not null, \`vertegenwoordigende_partij_id\` integer not null, \`vertegenwoordigde_partij_id\` integer not null, constraint \`vertegenwoordiging_vertegenwoordigende_partij_id_foreign\` foreign key(\`vertegenwoordigende_partij_id\`) references \`partij\`(\`id\`) on delete cascade on update cascade, constraint \`vertegenwoordiging_vertegenwoordigde_partij_id_foreign\` foreign key(\`vertegenwoordigde_partij_id\`) references \`partij\`(\`id\`) on delete cascade on update cascade, constraint vertegenwoordiging_niet_zichzelf check (vertegenwoordigende_partij_id <> vertegenwoordigde_partij_id));`,
    );
    this.addSql(`create unique index \`vertegenwoordiging_uuid_unique\` on \`vertegenwoordiging\` (\`uuid\`);`);
    this.addSql(
      `create index \`vertegenwoordiging_vertegenwoordigende_partij_id_index\` on \`vertegenwoordiging\` (\`vertegenwoordigende_partij_id\`);`,
    );
    this.addSql(
      `create index \`vertegenwoordiging_vertegenwoordigde_partij_id_index\` on \`vertegenwoordiging\` (\`vertegenwoordigde_partij_id\`);`,
    );
    this.addSql(
      `create unique index \`vertegenwoordiging_vertegenwoordigende_partij_id_vertegenwoordigde_partij_id_unique\` on \`vertegenwoordiging\` (\`vertegenwoordigende_partij_id\`, \`vertegenwoordigde_partij_id\`);`,
    );
  }
}
