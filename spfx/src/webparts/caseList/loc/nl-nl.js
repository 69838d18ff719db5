/* global define */
define([], function () {
  return {
    PropertyPaneDescription: 'Signaalpunt casuslijst',
    ConnectionGroupName: 'Verbinding met de Signaalpunt-API',
    ApiBaseUrlLabel: 'Basis-URL van de API (https://…)',
    ApiResourceLabel: 'Application ID URI van de API (api://…)',
    PageSizeLabel: 'Casussen per pagina'
  };
});
