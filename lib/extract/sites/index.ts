import type { SiteAdapter } from '../types';
import { crunchbaseOrganization } from './crunchbase-organization';
import { crunchbasePerson } from './crunchbase-person';
import { githubOrg } from './github-org';
import { githubUser } from './github-user';
import { linkedinCompany } from './linkedin-company';
import { linkedinProfile } from './linkedin-profile';
import { wellfoundProfile } from './wellfound-profile';
import { xProfile } from './x-profile';

/** Every site adapter, most specific first. Each file in this folder serves one site layout. */
export const SITE_ADAPTERS: SiteAdapter[] = [
  linkedinProfile,
  linkedinCompany,
  githubOrg,
  githubUser,
  xProfile,
  crunchbaseOrganization,
  crunchbasePerson,
  wellfoundProfile,
];
