// The package ships no types; only what the tests use (an independent vCard parser) is declared.
declare module 'vcf' {
  namespace vCard {
    class Property {
      type?: string | string[];
      valueOf(): string;
    }
  }
  class vCard {
    version: string;
    get(key: string): vCard.Property | vCard.Property[] | undefined;
    static parse(text: string): vCard[];
  }
  export = vCard;
}
