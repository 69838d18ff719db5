/** Types for the `hyphen` package's Dutch patterns (the package ships none). */
declare module 'hyphen/nl' {
  export interface HyphenateOptions {
    hyphenChar?: string;
    /** words shorter than this are left whole (the package's default is 5). */
    minWordLength?: number;
    debug?: boolean;
    exceptions?: string[];
  }
  export function hyphenateSync(text: string, options?: HyphenateOptions): string;
}
