// Generated from data/regions/ca-regions.csv (Statistics Canada 2021 CMAs, Ontario economic
// regions, provinces and territories). Regenerate rather than edit by hand.
import type { Region } from './region';

export const CA_REGIONS: readonly Region[] = [
 {
  "code": "NL",
  "kind": "PROVINCE",
  "nameEn": "Newfoundland and Labrador",
  "nameFr": "Terre-Neuve-et-Labrador",
  "within": null,
  "aliases": []
 },
 {
  "code": "PE",
  "kind": "PROVINCE",
  "nameEn": "Prince Edward Island",
  "nameFr": "Île-du-Prince-Édouard",
  "within": null,
  "aliases": []
 },
 {
  "code": "NS",
  "kind": "PROVINCE",
  "nameEn": "Nova Scotia",
  "nameFr": "Nouvelle-Écosse",
  "within": null,
  "aliases": []
 },
 {
  "code": "NB",
  "kind": "PROVINCE",
  "nameEn": "New Brunswick",
  "nameFr": "Nouveau-Brunswick",
  "within": null,
  "aliases": []
 },
 {
  "code": "QC",
  "kind": "PROVINCE",
  "nameEn": "Quebec",
  "nameFr": "Québec",
  "within": null,
  "aliases": []
 },
 {
  "code": "ON",
  "kind": "PROVINCE",
  "nameEn": "Ontario",
  "nameFr": "Ontario",
  "within": null,
  "aliases": []
 },
 {
  "code": "MB",
  "kind": "PROVINCE",
  "nameEn": "Manitoba",
  "nameFr": "Manitoba",
  "within": null,
  "aliases": []
 },
 {
  "code": "SK",
  "kind": "PROVINCE",
  "nameEn": "Saskatchewan",
  "nameFr": "Saskatchewan",
  "within": null,
  "aliases": []
 },
 {
  "code": "AB",
  "kind": "PROVINCE",
  "nameEn": "Alberta",
  "nameFr": "Alberta",
  "within": null,
  "aliases": []
 },
 {
  "code": "BC",
  "kind": "PROVINCE",
  "nameEn": "British Columbia",
  "nameFr": "Colombie-Britannique",
  "within": null,
  "aliases": []
 },
 {
  "code": "YT",
  "kind": "PROVINCE",
  "nameEn": "Yukon",
  "nameFr": "Yukon",
  "within": null,
  "aliases": []
 },
 {
  "code": "NT",
  "kind": "PROVINCE",
  "nameEn": "Northwest Territories",
  "nameFr": "Territoires du Nord-Ouest",
  "within": null,
  "aliases": []
 },
 {
  "code": "NU",
  "kind": "PROVINCE",
  "nameEn": "Nunavut",
  "nameFr": "Nunavut",
  "within": null,
  "aliases": []
 },
 {
  "code": "ON-Northeast",
  "kind": "ECONOMIC_REGION",
  "nameEn": "Northeast",
  "nameFr": "Nord-Est",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Northwest",
  "kind": "ECONOMIC_REGION",
  "nameEn": "Northwest",
  "nameFr": "Nord-Ouest",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Muskoka-Kawarthas",
  "kind": "ECONOMIC_REGION",
  "nameEn": "Muskoka–Kawarthas",
  "nameFr": "Muskoka–Kawarthas",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Kingston-Pembroke",
  "kind": "ECONOMIC_REGION",
  "nameEn": "Kingston–Pembroke",
  "nameFr": "Kingston–Pembroke",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Kitchener-Waterloo-Barrie",
  "kind": "ECONOMIC_REGION",
  "nameEn": "Kitchener–Waterloo–Barrie",
  "nameFr": "Kitchener–Waterloo–Barrie",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Hamilton-Niagara",
  "kind": "ECONOMIC_REGION",
  "nameEn": "Hamilton–Niagara Peninsula",
  "nameFr": "Hamilton–Niagara Peninsula",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Windsor-Sarnia",
  "kind": "ECONOMIC_REGION",
  "nameEn": "Windsor–Sarnia",
  "nameFr": "Windsor–Sarnia",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Stratford-Bruce",
  "kind": "ECONOMIC_REGION",
  "nameEn": "Stratford–Bruce Peninsula",
  "nameFr": "Stratford–Bruce Peninsula",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "NL-St. John's",
  "kind": "CMA",
  "nameEn": "St. John's",
  "nameFr": "St. John's",
  "within": "NL",
  "aliases": []
 },
 {
  "code": "NS-Halifax",
  "kind": "CMA",
  "nameEn": "Halifax",
  "nameFr": "Halifax",
  "within": "NS",
  "aliases": []
 },
 {
  "code": "NB-Moncton",
  "kind": "CMA",
  "nameEn": "Moncton",
  "nameFr": "Moncton",
  "within": "NB",
  "aliases": []
 },
 {
  "code": "NB-Saint John",
  "kind": "CMA",
  "nameEn": "Saint John",
  "nameFr": "Saint John",
  "within": "NB",
  "aliases": []
 },
 {
  "code": "NB-Fredericton",
  "kind": "CMA",
  "nameEn": "Fredericton",
  "nameFr": "Fredericton",
  "within": "NB",
  "aliases": []
 },
 {
  "code": "QC-Saguenay",
  "kind": "CMA",
  "nameEn": "Saguenay",
  "nameFr": "Saguenay",
  "within": "QC",
  "aliases": []
 },
 {
  "code": "QC-Québec",
  "kind": "CMA",
  "nameEn": "Québec",
  "nameFr": "Québec",
  "within": "QC",
  "aliases": [
   "Quebec City"
  ]
 },
 {
  "code": "QC-Sherbrooke",
  "kind": "CMA",
  "nameEn": "Sherbrooke",
  "nameFr": "Sherbrooke",
  "within": "QC",
  "aliases": []
 },
 {
  "code": "QC-Trois-Rivières",
  "kind": "CMA",
  "nameEn": "Trois-Rivières",
  "nameFr": "Trois-Rivières",
  "within": "QC",
  "aliases": []
 },
 {
  "code": "QC-Drummondville",
  "kind": "CMA",
  "nameEn": "Drummondville",
  "nameFr": "Drummondville",
  "within": "QC",
  "aliases": []
 },
 {
  "code": "QC-Montréal",
  "kind": "CMA",
  "nameEn": "Montréal",
  "nameFr": "Montréal",
  "within": "QC",
  "aliases": [
   "Montreal"
  ]
 },
 {
  "code": "QC-Gatineau",
  "kind": "CMA",
  "nameEn": "Gatineau",
  "nameFr": "Gatineau",
  "within": "QC",
  "aliases": [
   "Ottawa–Gatineau (Quebec part)"
  ]
 },
 {
  "code": "ON-Ottawa",
  "kind": "CMA",
  "nameEn": "Ottawa",
  "nameFr": "Ottawa",
  "within": "ON",
  "aliases": [
   "Ottawa–Gatineau (Ontario part)"
  ]
 },
 {
  "code": "ON-Kingston",
  "kind": "CMA",
  "nameEn": "Kingston",
  "nameFr": "Kingston",
  "within": "ON-Kingston-Pembroke",
  "aliases": []
 },
 {
  "code": "ON-Belleville",
  "kind": "CMA",
  "nameEn": "Belleville–Quinte West",
  "nameFr": "Belleville",
  "within": "ON-Kingston-Pembroke",
  "aliases": [
   "Belleville–Quinte West"
  ]
 },
 {
  "code": "ON-Peterborough",
  "kind": "CMA",
  "nameEn": "Peterborough",
  "nameFr": "Peterborough",
  "within": "ON-Muskoka-Kawarthas",
  "aliases": []
 },
 {
  "code": "ON-Oshawa",
  "kind": "CMA",
  "nameEn": "Oshawa",
  "nameFr": "Oshawa",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Toronto",
  "kind": "CMA",
  "nameEn": "Toronto",
  "nameFr": "Toronto",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Hamilton",
  "kind": "CMA",
  "nameEn": "Hamilton",
  "nameFr": "Hamilton",
  "within": "ON-Hamilton-Niagara",
  "aliases": []
 },
 {
  "code": "ON-St. Catharines-Niagara",
  "kind": "CMA",
  "nameEn": "St. Catharines–Niagara",
  "nameFr": "St. Catharines–Niagara",
  "within": "ON-Hamilton-Niagara",
  "aliases": [
   "St. Catharines–Niagara"
  ]
 },
 {
  "code": "ON-Kitchener-Cambridge-Waterloo",
  "kind": "CMA",
  "nameEn": "Kitchener–Cambridge–Waterloo",
  "nameFr": "Kitchener–Cambridge–Waterloo",
  "within": "ON-Kitchener-Waterloo-Barrie",
  "aliases": [
   "Kitchener–Cambridge–Waterloo"
  ]
 },
 {
  "code": "ON-Brantford",
  "kind": "CMA",
  "nameEn": "Brantford",
  "nameFr": "Brantford",
  "within": "ON-Hamilton-Niagara",
  "aliases": []
 },
 {
  "code": "ON-Guelph",
  "kind": "CMA",
  "nameEn": "Guelph",
  "nameFr": "Guelph",
  "within": "ON-Kitchener-Waterloo-Barrie",
  "aliases": []
 },
 {
  "code": "ON-London",
  "kind": "CMA",
  "nameEn": "London",
  "nameFr": "London",
  "within": "ON",
  "aliases": []
 },
 {
  "code": "ON-Windsor",
  "kind": "CMA",
  "nameEn": "Windsor",
  "nameFr": "Windsor",
  "within": "ON-Windsor-Sarnia",
  "aliases": []
 },
 {
  "code": "ON-Barrie",
  "kind": "CMA",
  "nameEn": "Barrie",
  "nameFr": "Barrie",
  "within": "ON-Kitchener-Waterloo-Barrie",
  "aliases": []
 },
 {
  "code": "ON-Sudbury",
  "kind": "CMA",
  "nameEn": "Greater Sudbury",
  "nameFr": "Grand Sudbury",
  "within": "ON-Northeast",
  "aliases": [
   "Greater Sudbury"
  ]
 },
 {
  "code": "ON-Thunder Bay",
  "kind": "CMA",
  "nameEn": "Thunder Bay",
  "nameFr": "Thunder Bay",
  "within": "ON-Northwest",
  "aliases": []
 },
 {
  "code": "MB-Winnipeg",
  "kind": "CMA",
  "nameEn": "Winnipeg",
  "nameFr": "Winnipeg",
  "within": "MB",
  "aliases": []
 },
 {
  "code": "SK-Regina",
  "kind": "CMA",
  "nameEn": "Regina",
  "nameFr": "Regina",
  "within": "SK",
  "aliases": []
 },
 {
  "code": "SK-Saskatoon",
  "kind": "CMA",
  "nameEn": "Saskatoon",
  "nameFr": "Saskatoon",
  "within": "SK",
  "aliases": []
 },
 {
  "code": "AB-Lethbridge",
  "kind": "CMA",
  "nameEn": "Lethbridge",
  "nameFr": "Lethbridge",
  "within": "AB",
  "aliases": []
 },
 {
  "code": "AB-Calgary",
  "kind": "CMA",
  "nameEn": "Calgary",
  "nameFr": "Calgary",
  "within": "AB",
  "aliases": []
 },
 {
  "code": "AB-Red Deer",
  "kind": "CMA",
  "nameEn": "Red Deer",
  "nameFr": "Red Deer",
  "within": "AB",
  "aliases": []
 },
 {
  "code": "AB-Edmonton",
  "kind": "CMA",
  "nameEn": "Edmonton",
  "nameFr": "Edmonton",
  "within": "AB",
  "aliases": []
 },
 {
  "code": "BC-Kelowna",
  "kind": "CMA",
  "nameEn": "Kelowna",
  "nameFr": "Kelowna",
  "within": "BC",
  "aliases": []
 },
 {
  "code": "BC-Kamloops",
  "kind": "CMA",
  "nameEn": "Kamloops",
  "nameFr": "Kamloops",
  "within": "BC",
  "aliases": []
 },
 {
  "code": "BC-Chilliwack",
  "kind": "CMA",
  "nameEn": "Chilliwack",
  "nameFr": "Chilliwack",
  "within": "BC",
  "aliases": []
 },
 {
  "code": "BC-Abbotsford-Mission",
  "kind": "CMA",
  "nameEn": "Abbotsford–Mission",
  "nameFr": "Abbotsford–Mission",
  "within": "BC",
  "aliases": [
   "Abbotsford–Mission"
  ]
 },
 {
  "code": "BC-Vancouver",
  "kind": "CMA",
  "nameEn": "Vancouver",
  "nameFr": "Vancouver",
  "within": "BC",
  "aliases": []
 },
 {
  "code": "BC-Victoria",
  "kind": "CMA",
  "nameEn": "Victoria",
  "nameFr": "Victoria",
  "within": "BC",
  "aliases": []
 },
 {
  "code": "BC-Nanaimo",
  "kind": "CMA",
  "nameEn": "Nanaimo",
  "nameFr": "Nanaimo",
  "within": "BC",
  "aliases": []
 }
];
