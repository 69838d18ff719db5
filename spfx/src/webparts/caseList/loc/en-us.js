/* global define */
define([], function () {
  return {
    PropertyPaneDescription: 'Signaalpunt case list',
    ConnectionGroupName: 'Connection to the Signaalpunt API',
    ApiBaseUrlLabel: 'API base URL (https://…)',
    ApiResourceLabel: 'API application ID URI (api://…)',
    PageSizeLabel: 'Cases per page'
  };
});
