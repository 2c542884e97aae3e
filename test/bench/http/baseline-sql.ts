/**
 * The SQL of the hand-written baseline, per workload and dialect: what a competent engineer
 * writes for each screen by hand. One statement per list, the nested lists as JSON aggregates in
 * the same statement and built only for the rows of the page (the page is chosen first, in a
 * sub-select), key lists as one array parameter (constant statement texts). PostgreSQL
 * placeholders are $n, SQLite's ?; SQLite gets arrays as JSON text.
 */

export type Dialect = "postgresql" | "sqlite";
type Sql = Record<Dialect, string>;

// Shared fragments: the JSON of a partij's identificatoren and digitale adressen.
const IDENTIFICATOREN: Sql = {
  postgresql: `coalesce((select json_agg(json_build_object('soort', i.code_soort_object_id, 'objectId', i.object_id,
      'parentSoort', s.code_soort_object_id, 'parentObjectId', s.object_id, 'parentPartij', sp.uuid, 'parentPartijBsn', sb.object_id) order by i.id)
    from partij_identificator i left join partij_identificator s on s.id = i.sub_identificator_van_id
    left join partij sp on sp.id = s.identificeerde_partij_id
    left join partij_identificator sb on sb.identificeerde_partij_id = sp.id and sb.code_soort_object_id = 'bsn'
    where i.identificeerde_partij_id = p.id), '[]')`,
  sqlite: `(select json_group_array(json_object('soort', i.code_soort_object_id, 'objectId', i.object_id,
      'parentSoort', s.code_soort_object_id, 'parentObjectId', s.object_id, 'parentPartij', sp.uuid, 'parentPartijBsn', sb.object_id) order by i.id)
    from partij_identificator i left join partij_identificator s on s.id = i.sub_identificator_van_id
    left join partij sp on sp.id = s.identificeerde_partij_id
    left join partij_identificator sb on sb.identificeerde_partij_id = sp.id and sb.code_soort_object_id = 'bsn'
    where i.identificeerde_partij_id = p.id)`,
};

const ADRESSEN: Sql = {
  postgresql: `coalesce((select json_agg(json_build_object('id', d.id, 'adres', d.adres, 'soort', d.soort_digitaal_adres,
      'isStandaardAdres', d.is_standaard_adres) order by d.id)
    from digitaal_adres d where d.verstrekt_door_partij_id = p.id), '[]')`,
  sqlite: `(select json_group_array(json_object('id', d.id, 'adres', d.adres, 'soort', d.soort_digitaal_adres,
      'isStandaardAdres', d.is_standaard_adres) order by d.id)
    from digitaal_adres d where d.verstrekt_door_partij_id = p.id)`,
};

const PARTIJ_COLUMNS = `p.id, p.uuid, p.soort_partij, p.voorkeurs_digitaal_adres_id, p.organisatienaam,
  p.contactnaam_voornaam, p.contactnaam_voorvoegsel_achternaam, p.contactnaam_achternaam`;

/** The data subjects of a klantcontact: the partijen of its betrokkenen, with their BSN. */
const KLANTCONTACT_PARTIJEN: Sql = {
  postgresql: `coalesce((select json_agg(json_build_object('uuid', bp.uuid, 'bsn', bi.object_id))
    from betrokkene bb join partij bp on bp.id = bb.was_partij_id
    left join partij_identificator bi on bi.identificeerde_partij_id = bp.id and bi.code_soort_object_id = 'bsn'
    where bb.had_klantcontact_id = k.id), '[]')`,
  sqlite: `(select json_group_array(json_object('uuid', bp.uuid, 'bsn', bi.object_id))
    from betrokkene bb join partij bp on bp.id = bb.was_partij_id
    left join partij_identificator bi on bi.identificeerde_partij_id = bp.id and bi.code_soort_object_id = 'bsn'
    where bb.had_klantcontact_id = k.id)`,
};

export const SQL = {
  /** The partij with this BSN, with its identificatoren and digitale adressen. */
  partijByBsn: {
    postgresql: `select ${PARTIJ_COLUMNS}, ${IDENTIFICATOREN.postgresql} as identificatoren, ${ADRESSEN.postgresql} as adressen
      from partij p where p.id in (select identificeerde_partij_id from partij_identificator
        where code_soort_object_id = 'bsn' and object_id = $1) order by p.id desc limit 1`,
    sqlite: `select ${PARTIJ_COLUMNS}, ${IDENTIFICATOREN.sqlite} as identificatoren, ${ADRESSEN.sqlite} as adressen
      from partij p where p.id in (select identificeerde_partij_id from partij_identificator
        where code_soort_object_id = 'bsn' and object_id = ?) order by p.id desc limit 1`,
  },

  /** The partijen with these uuids, with their identificatoren and digitale adressen. */
  partijenByUuid: {
    postgresql: `select ${PARTIJ_COLUMNS}, ${IDENTIFICATOREN.postgresql} as identificatoren, ${ADRESSEN.postgresql} as adressen
      from partij p where p.uuid = any($1::uuid[])`,
    sqlite: `select ${PARTIJ_COLUMNS}, ${IDENTIFICATOREN.sqlite} as identificatoren, ${ADRESSEN.sqlite} as adressen
      from partij p where p.uuid in (select value from json_each(?))`,
  },

  /**
   * The 20 latest klantcontacten of a partij, with their actors, onderwerpobjecten and data subjects:
   * the page taken from betrokkene's copy of plaatsgevonden_op and its index (as the subgraph does).
   */
  klantcontactenVanPartij: {
    postgresql: `select k.kanaal, k.onderwerp, k.inhoud, k.plaatsgevonden_op,
        coalesce((select json_agg(a.naam order by ak.id) from actor_klantcontact ak join actor a on a.id = ak.actor_id
          where ak.klantcontact_id = k.id), '[]') as actoren,
        coalesce((select json_agg(json_build_object('uuid', o.uuid, 'objectId', o.onderwerpobjectidentificator_object_id,
            'codeObjecttype', o.onderwerpobjectidentificator_code_objecttype, 'codeRegister', o.onderwerpobjectidentificator_code_register,
            'codeSoortObjectId', o.onderwerpobjectidentificator_code_soort_object_id) order by o.id)
          from onderwerpobject o where o.klantcontact_id = k.id), '[]') as onderwerpobjecten,
        ${KLANTCONTACT_PARTIJEN.postgresql} as partijen
      from (select k.id, k.kanaal, k.onderwerp, k.inhoud, k.plaatsgevonden_op
        from (select distinct b.klantcontact_plaatsgevonden_op, b.had_klantcontact_id from betrokkene b where b.was_partij_id = $1
          order by b.klantcontact_plaatsgevonden_op desc, b.had_klantcontact_id desc limit 20) s
        join klantcontact k on k.id = s.had_klantcontact_id) k
      order by k.plaatsgevonden_op desc, k.id desc`,
    sqlite: `select k.kanaal, k.onderwerp, k.inhoud, k.plaatsgevonden_op,
        (select json_group_array(a.naam order by ak.id) from actor_klantcontact ak join actor a on a.id = ak.actor_id
          where ak.klantcontact_id = k.id) as actoren,
        (select json_group_array(json_object('uuid', o.uuid, 'objectId', o.onderwerpobjectidentificator_object_id,
            'codeObjecttype', o.onderwerpobjectidentificator_code_objecttype, 'codeRegister', o.onderwerpobjectidentificator_code_register,
            'codeSoortObjectId', o.onderwerpobjectidentificator_code_soort_object_id) order by o.id)
          from onderwerpobject o where o.klantcontact_id = k.id) as onderwerpobjecten,
        ${KLANTCONTACT_PARTIJEN.sqlite} as partijen
      from (select k.id, k.kanaal, k.onderwerp, k.inhoud, k.plaatsgevonden_op
        from (select distinct b.klantcontact_plaatsgevonden_op, b.had_klantcontact_id from betrokkene b where b.was_partij_id = ?
          order by b.klantcontact_plaatsgevonden_op desc, b.had_klantcontact_id desc limit 20) s
        join klantcontact k on k.id = s.had_klantcontact_id) k
      order by k.plaatsgevonden_op desc, k.id desc`,
  },

  /** The 20 newest open taken from klantcontacten of a partij, with the names of their actors. */
  openTakenVanPartij: {
    postgresql: `select t.gevraagde_handeling,
        coalesce((select json_agg(a.naam order by tw.id) from toewijzing tw join actor a on a.id = tw.actor_id
          where tw.interne_taak_id = t.id), '[]') as actoren
      from (select t.id, t.gevraagde_handeling, t.toegewezen_op from interne_taak t
        where t.status = 'te_verwerken'
          and t.aanleidinggevend_klantcontact_id in (select had_klantcontact_id from betrokkene where was_partij_id = $1)
        order by t.toegewezen_op desc, t.id desc limit 20) t
      order by t.toegewezen_op desc, t.id desc`,
    sqlite: `select t.gevraagde_handeling,
        (select json_group_array(a.naam order by tw.id) from toewijzing tw join actor a on a.id = tw.actor_id
          where tw.interne_taak_id = t.id) as actoren
      from (select t.id, t.gevraagde_handeling, t.toegewezen_op from interne_taak t
        where t.status = 'te_verwerken'
          and t.aanleidinggevend_klantcontact_id in (select had_klantcontact_id from betrokkene where was_partij_id = ?)
        order by t.toegewezen_op desc, t.id desc limit 20) t
      order by t.toegewezen_op desc, t.id desc`,
  },

  /** An actor's open taken, oldest first, one more than the page to know whether there is a next. */
  werkvoorraad: {
    postgresql: `select t.uuid, t.referentienummer, t.gevraagde_handeling, t.toelichting, t.status, t.toegewezen_op, t.afgehandeld_op,
        (select json_agg(json_build_object('uuid', a.uuid, 'naam', a.naam, 'soortActor', a.soort_actor) order by tw.id)
          from toewijzing tw join actor a on a.id = tw.actor_id where tw.interne_taak_id = t.id) as actoren,
        k.uuid as klantcontact_uuid, k.onderwerp, k.plaatsgevonden_op,
        coalesce((select json_agg(json_build_object('rol', b.rol, 'initiator', b.initiator, 'voornaam', b.contactnaam_voornaam,
            'voorvoegsel', b.contactnaam_voorvoegsel_achternaam, 'achternaam', b.contactnaam_achternaam,
            'partij', bp.uuid, 'bsn', bi.object_id) order by b.id)
          from betrokkene b left join partij bp on bp.id = b.was_partij_id
          left join partij_identificator bi on bi.identificeerde_partij_id = bp.id and bi.code_soort_object_id = 'bsn'
          where b.had_klantcontact_id = k.id), '[]') as betrokkenen
      from (select t.* from interne_taak t
        where t.status = 'te_verwerken'
          and t.id in (select tw.interne_taak_id from toewijzing tw join actor a on a.id = tw.actor_id where a.uuid = $1)
        order by t.toegewezen_op, t.id limit 51) t
      join klantcontact k on k.id = t.aanleidinggevend_klantcontact_id
      order by t.toegewezen_op, t.id`,
    sqlite: `select t.uuid, t.referentienummer, t.gevraagde_handeling, t.toelichting, t.status, t.toegewezen_op, t.afgehandeld_op,
        (select json_group_array(json_object('uuid', a.uuid, 'naam', a.naam, 'soortActor', a.soort_actor) order by tw.id)
          from toewijzing tw join actor a on a.id = tw.actor_id where tw.interne_taak_id = t.id) as actoren,
        k.uuid as klantcontact_uuid, k.onderwerp, k.plaatsgevonden_op,
        (select json_group_array(json_object('rol', b.rol, 'initiator', b.initiator,
            'voornaam', b.contactnaam_voornaam, 'voorvoegsel', b.contactnaam_voorvoegsel_achternaam, 'achternaam', b.contactnaam_achternaam,
            'partij', bp.uuid, 'bsn', bi.object_id) order by b.id)
          from betrokkene b left join partij bp on bp.id = b.was_partij_id
          left join partij_identificator bi on bi.identificeerde_partij_id = bp.id and bi.code_soort_object_id = 'bsn'
          where b.had_klantcontact_id = k.id) as betrokkenen
      from (select t.* from interne_taak t
        where t.status = 'te_verwerken'
          and t.id in (select tw.interne_taak_id from toewijzing tw join actor a on a.id = tw.actor_id where a.uuid = ?)
        order by t.toegewezen_op, t.id limit 51) t
      join klantcontact k on k.id = t.aanleidinggevend_klantcontact_id
      order by t.toegewezen_op, t.id`,
  },

  /** E-mail addresses in their search form (lower case), newest first, with the partij that gave them. */
  emailAdressen: {
    postgresql: `select d.uuid, d.adres, d.soort_digitaal_adres, d.is_standaard_adres,
        p.uuid as partij_uuid, p.soort_partij, p.organisatienaam,
        p.contactnaam_voornaam, p.contactnaam_voorvoegsel_achternaam, p.contactnaam_achternaam, bi.object_id as bsn
      from digitaal_adres d left join partij p on p.id = d.verstrekt_door_partij_id
      left join partij_identificator bi on bi.identificeerde_partij_id = p.id and bi.code_soort_object_id = 'bsn'
      where d.zoekadres = $1 and d.soort_digitaal_adres = 'email'
      order by d.id desc limit 20`,
    sqlite: `select d.uuid, d.adres, d.soort_digitaal_adres, d.is_standaard_adres,
        p.uuid as partij_uuid, p.soort_partij, p.organisatienaam,
        p.contactnaam_voornaam, p.contactnaam_voorvoegsel_achternaam, p.contactnaam_achternaam, bi.object_id as bsn
      from digitaal_adres d left join partij p on p.id = d.verstrekt_door_partij_id
      left join partij_identificator bi on bi.identificeerde_partij_id = p.id and bi.code_soort_object_id = 'bsn'
      where d.zoekadres = ? and d.soort_digitaal_adres = 'email'
      order by d.id desc limit 20`,
  },

  /** What registreerKlantcontact needs to know first: the partij (with its BSN) and the actor. */
  registreerVerwijzingen: {
    postgresql: `select (select id from partij where uuid = $1) as partij_id,
        (select i.object_id from partij_identificator i join partij p on p.id = i.identificeerde_partij_id
          where p.uuid = $1 and i.code_soort_object_id = 'bsn') as bsn,
        (select id from actor where uuid = $2) as actor_id`,
    sqlite: `select (select id from partij where uuid = ?1) as partij_id,
        (select i.object_id from partij_identificator i join partij p on p.id = i.identificeerde_partij_id
          where p.uuid = ?1 and i.code_soort_object_id = 'bsn') as bsn,
        (select id from actor where uuid = ?2) as actor_id`,
  },

  /**
   * The contactmoment in one statement on PostgreSQL (data-modifying CTEs are atomic as one
   * statement): klantcontact, actor link, betrokkene, onderwerpobject and the audit record.
   */
  registreer: {
    postgresql: `with k as (
        insert into klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk, plaatsgevonden_op, metadata)
        values ($1, $2, $3, $4, $5, $6, $7, $8, '{}') returning id),
      ak as (insert into actor_klantcontact (uuid, actor_id, klantcontact_id) select $9, $10, id from k),
      b as (insert into betrokkene (uuid, was_partij_id, had_klantcontact_id, rol, initiator) select $11, $12, id, $13, $14 from k),
      o as (insert into onderwerpobject (uuid, klantcontact_id, onderwerpobjectidentificator_code_objecttype,
          onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id, onderwerpobjectidentificator_object_id)
        select $15, id, 'zgw-Zaak', 'openzaak', 'uuid', $16 from k)
      insert into audit_record (uuid, tijdstip, trace_id, operatie, verwerkingsactiviteit, client_id, user_id, user_representation,
        betrokkene_hash, soort, uitkomst)
      select x.uuid, $17, $18, $19, $20, $21, $22, $23, x.hash, 'schrijven', 'gelukt'
      from k, unnest($24::uuid[], $25::text[]) as x(uuid, hash)`,
    sqlite: "", // SQLite has no data-modifying CTEs: the statements below, in one transaction
  },
  sqliteKlantcontact: `insert into klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk, plaatsgevonden_op, metadata)
    values (?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
  sqliteActorKlantcontact: `insert into actor_klantcontact (uuid, actor_id, klantcontact_id) values (?, ?, ?)`,
  sqliteBetrokkene: `insert into betrokkene (uuid, was_partij_id, had_klantcontact_id, rol, initiator) values (?, ?, ?, ?, ?)`,
  sqliteOnderwerpobject: `insert into onderwerpobject (uuid, klantcontact_id, onderwerpobjectidentificator_code_objecttype,
      onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id, onderwerpobjectidentificator_object_id)
    values (?, ?, 'zgw-Zaak', 'openzaak', 'uuid', ?)`,

  /** The audit records of one request: one row per data subject, in one statement. */
  audit: {
    postgresql: `insert into audit_record (uuid, tijdstip, trace_id, operatie, verwerkingsactiviteit, client_id, user_id, user_representation,
        betrokkene_hash, soort, uitkomst)
      select x.uuid, $1, $2, $3, $4, $5, $6, $7, x.hash, $8, 'gelukt' from unnest($9::uuid[], $10::text[]) as x(uuid, hash)`,
    sqlite: `insert into audit_record (uuid, tijdstip, trace_id, operatie, verwerkingsactiviteit, client_id, user_id, user_representation,
        betrokkene_hash, soort, uitkomst)
      select json_extract(x.value, '$[0]'), ?, ?, ?, ?, ?, ?, ?, json_extract(x.value, '$[1]'), ?, 'gelukt' from json_each(?) as x`,
  },
} satisfies Record<string, Sql | string>;
