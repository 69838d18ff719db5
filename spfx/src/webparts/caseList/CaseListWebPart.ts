/**
 * The SharePoint web part: a thin shell that wires SharePoint to the coordinator components. The case list
 * is read with PnP as the signed-in user (item permissions decide what comes back); case details, identity,
 * the audit trail and every command go to the Signaalpunt API through AadHttpClient, so the server audits
 * each read of personal data and owns every transition. The "Evaluatie en verantwoording" tab (statistics,
 * audit check, retention report, register and DPIA annex) reads the same API. This class holds no rules and
 * no SharePoint calls of its own beyond setting those two clients up.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { PropertyPaneSlider, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { AadHttpClient } from '@microsoft/sp-http';
import { spfi, SPFx } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import * as strings from 'CaseListWebPartStrings';
import { ApiDataSource } from '../../caseList/apiClient';
import type { HttpLike } from '../../caseList/apiClient';
import { combine } from '../../caseList/dataSource';
import type { CoordinatorDataSource } from '../../caseList/dataSource';
import type { AccountabilitySource } from '../../caseList/accountability';
import { pickLocale } from '../../caseList/i18n';
import { CASES_LIST_TITLE, PnpCaseListSource } from '../../caseList/pnpCaseList';
import { SignaalpuntApp } from '../../caseList/components/SignaalpuntApp';
import { NotConfigured } from '../../caseList/components/NotConfigured';

export interface ICaseListWebPartProps {
  apiBaseUrl: string;
  apiResource: string;
  pageSize: number;
}

export default class CaseListWebPart extends BaseClientSideWebPart<ICaseListWebPartProps> {
  private source: { cases: CoordinatorDataSource; accountability: AccountabilitySource } | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.source = await this.createSource();
  }

  private async createSource(): Promise<{ cases: CoordinatorDataSource; accountability: AccountabilitySource } | undefined> {
    if (!this.properties.apiBaseUrl || !this.properties.apiResource) return undefined;
    const sp = spfi().using(SPFx(this.context));
    const aad = await this.context.aadHttpClientFactory.getClient(this.properties.apiResource);
    const http: HttpLike = (url, init) => aad.fetch(url, AadHttpClient.configurations.v1, init);
    const api = new ApiDataSource(this.properties.apiBaseUrl, http);
    const list = new PnpCaseListSource(() => sp.web.lists.getByTitle(CASES_LIST_TITLE).items);
    return { cases: combine(list, api), accountability: api };
  }

  public render(): void {
    const locale = pickLocale(this.context.pageContext.cultureInfo.currentUICultureName);
    const element = this.source
      ? React.createElement(SignaalpuntApp, { cases: this.source.cases, accountability: this.source.accountability, locale, pageSize: this.properties.pageSize || 50 })
      : React.createElement(NotConfigured, { locale });
    ReactDom.render(element, this.domElement);
  }

  protected async onPropertyPaneConfigurationComplete(): Promise<void> {
    this.source = await this.createSource();
    this.render();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.ConnectionGroupName,
              groupFields: [
                PropertyPaneTextField('apiBaseUrl', { label: strings.ApiBaseUrlLabel }),
                PropertyPaneTextField('apiResource', { label: strings.ApiResourceLabel }),
                PropertyPaneSlider('pageSize', { label: strings.PageSizeLabel, min: 10, max: 200, step: 10 }),
              ],
            },
          ],
        },
      ],
    };
  }
}
