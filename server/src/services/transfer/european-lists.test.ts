import { describe, expect, it } from 'vitest';
import { readList } from './rows.test-helpers.ts';

// Customer lists kept in a European language, built from the words such lists use (no sample copied).
const read = (lines: string[]) => readList(lines, 'list');

describe('a customer list in French, German or another European language', () => {
  it('reads a French list: Raison sociale, Téléphone, Courriel, its address in parts (Adresse, Code postal, Ville, Pays)', () => {
    const { layout, list } = read([
      'Raison sociale;Adresse;Code postal;Ville;Pays;Téléphone;Télécopie;Courriel;Site web;Contact;Fonction;Portable;Remarques',
      'Lefèvre Emballages SARL;12 rue des Lilas;69003;Lyon;France;04 78 12 34 56;04 78 12 34 57;j.dupont@lefevre-emballages.fr;www.lefevre-emballages.fr;Jean Dupont;Directeur commercial;06 12 34 56 78;Client depuis 2019',
    ]);
    expect(layout.mapping).toEqual([
      'name',
      'address.street',
      'address.postalCode',
      'address.city',
      'address.country',
      'phones',
      'fax',
      'person.email',
      'website',
      'person.name',
      'person.title',
      'person.mobile',
      'notes',
    ]);
    const [row] = list;
    expect(row?.errors).toEqual([]);
    expect(row?.fields).toMatchObject({
      name: 'Lefèvre Emballages SARL',
      address: '12 rue des Lilas, Lyon, 69003, France',
      region: ['Lyon'],
      phones: ['04 78 12 34 56'],
      fax: ['04 78 12 34 57'],
      website: 'www.lefevre-emballages.fr',
      notes: 'Client depuis 2019',
    });
    expect(row?.people).toEqual([
      {
        name: 'Jean Dupont',
        title: 'Directeur commercial',
        mobile: '06 12 34 56 78',
        email: 'j.dupont@lefevre-emballages.fr',
      },
    ]);
  });

  it('reads a German list whatever the case and accents of its headers (FIRMA, Strasse, PLZ, Ort, TELEFON, Ansprechpartner)', () => {
    const { layout, list } = read([
      'FIRMA,Strasse,PLZ,Ort,TELEFON,Telefax,E-Mail,Webseite,Ansprechpartner,Funktion,Handy,Bemerkungen',
      'Müller Straßenbau GmbH,Hauptstraße 5,80331,München,089 123456,089 123457,info@mueller-bau.de,www.mueller-bau.de,Hans Müller,Geschäftsführer,0171 1234567,Stammkunde',
    ]);
    expect(layout.mapping).toEqual([
      'name',
      'address.street',
      'address.postalCode',
      'address.city',
      'phones',
      'fax',
      'person.email',
      'website',
      'person.name',
      'person.title',
      'person.mobile',
      'notes',
    ]);
    expect(list[0]?.fields).toMatchObject({
      name: 'Müller Straßenbau GmbH',
      address: 'Hauptstraße 5, München, 80331',
      region: ['München'],
      phones: ['089 123456'],
      fax: ['089 123457'],
      notes: 'Stammkunde',
    });
    expect(list[0]?.people[0]).toMatchObject({ name: 'Hans Müller', title: 'Geschäftsführer', mobile: '0171 1234567' });
  });

  it('gives an address column that holds the whole address no city or postcode twice, and keeps a region column as the region', () => {
    const { layout, list } = read([
      'Company,Address,City,Zip,Region,Phone',
      'Acme Supply,"1 Main Street, Springfield IL 62701",Springfield,62701,Midwest,(217) 555-0100',
    ]);
    expect(layout.mapping).toEqual([
      'name',
      'address.street',
      'address.city',
      'address.postalCode',
      'region',
      'phones',
    ]);
    expect(list[0]?.fields).toMatchObject({ address: '1 Main Street, Springfield IL 62701', region: ['Midwest'] });
  });

  it('leaves a list with its address whole as it was: the city column is the region', () => {
    const { layout, list } = read([
      'Company,Address,City,Phone',
      'Acme Supply,1 Main Street,Springfield,(217) 555-0100',
    ]);
    expect(layout.mapping).toEqual(['name', 'address', 'region', 'phones']);
    expect(list[0]?.fields).toMatchObject({ address: '1 Main Street', region: ['Springfield'] });
  });
});

describe("a European program's export", () => {
  it("reads a French registry's establishments: Raison sociale, Adresse, Code postal, Commune", () => {
    const { layout, list } = read([
      "Numéro d'établissement;Type établissement;Dénomination commerciale;Raison sociale;Adresse;Code postal;Commune;Département;Région;Téléphone;Fax",
      '0123456789;Officine;Pharmacie du Marché;SELARL PHARMACIE DURAND;3 PLACE DU MARCHE;69002;LYON;RHONE;AUVERGNE-RHONE-ALPES;0478123456;0478123457',
    ]);
    expect(layout.mapping.slice(3, 9)).toEqual([
      'name',
      'address.street',
      'address.postalCode',
      'address.city',
      'other',
      'region',
    ]);
    expect(list[0]?.fields).toMatchObject({
      name: 'SELARL PHARMACIE DURAND',
      address: '3 PLACE DU MARCHE, LYON, 69002',
      region: ['AUVERGNE-RHONE-ALPES'],
      phones: ['0478123456'],
      fax: ['0478123457'],
    });
  });

  it("reads a shop's customer export by first and last name: its bare Ort is the address's city, not dropped as Outlook's Location", () => {
    const { layout, list } = read([
      'Kundennummer;Anrede;Titel;Vorname;Nachname;Firma;Strasse;PLZ;Ort;Telefon;Mobil;E-Mail;Kunde seit',
      'K-1001;Herr;Dr.;Thomas;Becker;Becker Haustechnik GmbH;Lindenweg 4;90402;Nürnberg;0911 123456;0171 2345678;t.becker@becker-haustechnik.de;2019-03-01',
    ]);
    expect(layout.mapping[8]).toBe('address.city');
    expect(list[0]?.fields).toMatchObject({ name: 'Becker Haustechnik GmbH', address: 'Lindenweg 4, Nürnberg, 90402' });
    expect(list[0]?.people[0]).toMatchObject({ name: 'Thomas Becker', mobile: '0171 2345678' });
  });
});
