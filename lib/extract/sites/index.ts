import type { SiteAdapter } from '../types';
import { crunchbaseOrganization } from './crunchbase-organization';
import { crunchbasePerson } from './crunchbase-person';
import { githubOrg } from './github-org';
import { githubUser } from './github-user';
import { linkedinCompany } from './linkedin-company';
import { linkedinPeople } from './linkedin-people';
import { linkedinProfile } from './linkedin-profile';
import { linkedinSales } from './linkedin-sales';
import { linkedinSearch } from './linkedin-search';
import { wellfoundProfile } from './wellfound-profile';
import { xProfile } from './x-profile';

/** Every site adapter, most specific first. Each file in this folder serves one site layout. */
export const SITE_ADAPTERS: SiteAdapter[] = [
  linkedinProfile,
  linkedinSearch,
  linkedinSales,
  // The People tab before the company page: both match /company/<slug>/people/.
  linkedinPeople,
  linkedinCompany,
  githubOrg,
  githubUser,
  xProfile,
  crunchbaseOrganization,
  crunchbasePerson,
  wellfoundProfile,
];
