declare interface ICaseListWebPartStrings {
  PropertyPaneDescription: string;
  ConnectionGroupName: string;
  ApiBaseUrlLabel: string;
  ApiResourceLabel: string;
  PageSizeLabel: string;
}

declare module 'CaseListWebPartStrings' {
  const strings: ICaseListWebPartStrings;
  export = strings;
}
