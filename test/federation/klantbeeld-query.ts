/**
 * The README's Klantbeeld: the operation the demo router's explorer opens with, the subgraph's
 * part and the zaken. test/readme/readme-examples.test.ts holds it equal to the README's block.
 */
export const KLANTBEELD = `query Klantbeeld {
  partijen(filter: { partijIdentificator: { codeSoortObjectId: BSN, objectId: "999993653" } }, first: 1) {
    edges {
      node {
        partijIdentificatie { ... on Persoon { volledigeNaam } }
        digitaleAdressen { adres soortDigitaalAdres isStandaardAdres }
        klantcontacten(first: 20) {            # laatst plaatsgevonden eerst
          edges {
            node {
              kanaal onderwerp inhoud plaatsgevondenOp
              hadBetrokkenActoren { naam }
              gingOverOnderwerpobjecten { zaak { identificatie omschrijving status { statustype { omschrijving } } } }
            }
          }
        }
        interneTaken(filter: { status: TE_VERWERKEN }) {
          edges { node { gevraagdeHandeling toegewezenAanActoren { naam } } }
        }
        zaken { identificatie omschrijving status { statustype { omschrijving } } }   # from the Zaak subgraph
      }
    }
  }
}
`;
