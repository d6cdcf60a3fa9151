package demo

import "accord/data"

// focusAreas are the themes partners work on, needs belong to and goals serve.
var focusAreas = []string{"youth", "housing", "food security", "elderly care", "green spaces", "digital inclusion",
	"health", "employment", "arts", "safety", "education", "migrants and refugees", "mental health", "disability",
	"sport"}

// goalIdea is a SMART goal for a theme; the target is drawn between lo and hi.
type goalIdea struct {
	text, metric, unit string
	lo, hi             int
}

var goalIdeas = map[string][]goalIdea{
	"youth": {
		{"Run a weekly youth club that young people keep coming back to", "young people attending at least monthly", "young people", 15, 80},
		{"Offer summer activities for teenagers", "activity days over the summer", "days", 10, 40},
	},
	"housing": {
		{"Advise tenants facing eviction or disrepair", "households advised", "households", 30, 200},
		{"Help families in emergency accommodation find a home", "families rehoused", "families", 5, 40},
	},
	"food security": {
		{"Distribute food parcels to families in need", "parcels distributed", "parcels", 500, 5000},
		{"Serve a hot community meal every week", "meals served", "meals", 800, 6000},
	},
	"elderly care": {
		{"Reduce isolation among older residents", "older people visited or called weekly", "people", 15, 120},
		{"Run a lunch club for over-65s", "lunch club sessions", "sessions", 20, 50},
	},
	"green spaces": {
		{"Plant street trees and look after them", "trees planted and alive after a year", "trees", 20, 300},
		{"Open a shared garden to the neighbourhood", "households with a growing plot", "households", 10, 60},
	},
	"digital inclusion": {
		{"Teach basic digital skills to adults", "learners completing the course", "learners", 20, 150},
		{"Give refurbished laptops to families without one", "laptops handed over", "laptops", 25, 200},
	},
	"health": {
		{"Offer free health checks at community events", "health checks done", "checks", 50, 600},
		{"Start walking groups for people with long-term conditions", "regular walkers", "people", 10, 60},
	},
	"employment": {
		{"Help residents into work or training", "people starting a job or course", "people", 10, 80},
		{"Run CV and interview clinics", "clinic appointments", "appointments", 40, 300},
	},
	"arts": {
		{"Put on community arts events", "events held", "events", 4, 24},
		{"Paint a mural with local young people", "young artists taking part", "young people", 10, 40},
	},
	"safety": {
		{"Make the routes to school safer", "school streets closed to traffic at drop-off", "streets", 1, 6},
		{"Train residents in first aid", "residents trained", "people", 20, 120},
	},
	"education": {
		{"Run a homework club for primary pupils", "pupils attending weekly", "pupils", 15, 60},
		{"Offer language classes for adults", "learners completing a term", "learners", 20, 120},
	},
	"migrants and refugees": {
		{"Welcome newly arrived families", "families given a welcome pack and a buddy", "families", 10, 80},
		{"Offer conversation classes", "conversation sessions", "sessions", 30, 100},
	},
	"mental health": {
		{"Run peer-support groups", "peer-support sessions held", "sessions", 20, 100},
		{"Train volunteers in mental health first aid", "volunteers trained", "volunteers", 10, 50},
	},
	"disability": {
		{"Make community venues accessible", "venues with step-free access and a hearing loop", "venues", 2, 12},
		{"Organise inclusive sports sessions", "participants with a disability", "people", 10, 60},
	},
	"sport": {
		{"Get inactive residents moving", "people taking part in weekly sessions", "people", 20, 150},
		{"Start a girls' football team", "girls playing regularly", "players", 12, 40},
	},
}

// offerIdea is something a partner can bring; the value is drawn in whole euros between lo and hi.
type offerIdea struct {
	text   string
	lo, hi int
}

var offerIdeas = map[data.ResourceKind][]offerIdea{
	data.ResourceFunding: {
		{"Small grants for neighbourhood projects", 1000, 25000},
		{"Sponsorship of the summer festival", 500, 5000},
		{"Core funding for a part-time coordinator", 10000, 40000},
	},
	data.ResourceSpace: {
		{"Meeting room on weekday evenings", 200, 3000},
		{"Hall for events, up to 80 people", 500, 6000},
		{"A desk in their office two days a week", 600, 4000},
		{"Garden plot for a growing project", 0, 1500},
	},
	data.ResourceVolunteers: {
		{"Volunteers for food distribution, about six a week", 1000, 8000},
		{"Student volunteers for the homework club", 500, 5000},
		{"Staff volunteering days", 800, 6000},
	},
	data.ResourceExpertise: {
		{"Legal advice for tenants", 1000, 9000},
		{"Help with grant applications", 500, 4000},
		{"Translation and interpreting", 300, 5000},
		{"Bookkeeping and accounts", 600, 3000},
		{"Safeguarding training for volunteers", 300, 2000},
	},
	data.ResourceEquipment: {
		{"Van for deliveries, with a driver on Saturdays", 1000, 7000},
		{"Refurbished laptops for the digital skills course", 1500, 12000},
		{"Gazebos, tables and a PA system for events", 200, 2500},
		{"Tools for the community garden", 100, 1500},
	},
	data.ResourceInKind: {
		{"Surplus bread and pastries every evening", 500, 6000},
		{"Printing of flyers and posters", 200, 2000},
		{"Catering for community events", 300, 4000},
		{"Free health checks at events", 500, 3000},
	},
	data.ResourceOutreach: {
		{"Newsletter to about 2,000 households", 0, 1500},
		{"Posts on social media and the noticeboard", 0, 500},
		{"A monthly slot on community radio", 0, 2000},
		{"Door-to-door leaflet rounds", 100, 1200},
	},
	data.ResourceData: {
		{"Anonymised figures on service use", 0, 2000},
		{"Local health and deprivation statistics", 0, 1500},
		{"Results of their residents' survey", 0, 1000},
		{"Maps of green spaces and play areas", 0, 800},
	},
}

// preferredOffers are what each kind of partner usually brings.
var preferredOffers = map[data.PartnerKind][]data.ResourceKind{
	data.PartnerCommunityOrg: {data.ResourceVolunteers, data.ResourceSpace, data.ResourceOutreach},
	data.PartnerGovernment:   {data.ResourceFunding, data.ResourceData, data.ResourceSpace},
	data.PartnerEducation:    {data.ResourceSpace, data.ResourceExpertise, data.ResourceVolunteers},
	data.PartnerBusiness:     {data.ResourceInKind, data.ResourceEquipment, data.ResourceFunding},
	data.PartnerResidents:    {data.ResourceVolunteers, data.ResourceOutreach},
	data.PartnerSocial:       {data.ResourceExpertise, data.ResourceData},
	data.PartnerNonProfit:    {data.ResourceVolunteers, data.ResourceExpertise, data.ResourceInKind},
	data.PartnerFaith:        {data.ResourceSpace, data.ResourceVolunteers},
	data.PartnerFunder:       {data.ResourceFunding},
	data.PartnerMedia:        {data.ResourceOutreach},
	data.PartnerOther:        {data.ResourceSpace, data.ResourceEquipment, data.ResourceVolunteers},
}

// roles are the jobs people hold at each kind of partner; signers may sign agreements.
type roles struct{ signers, others []string }

var kindRoles = map[data.PartnerKind]roles{
	data.PartnerCommunityOrg: {[]string{"Chair", "Director"}, []string{"Secretary", "Coordinator", "Volunteer lead", "Treasurer"}},
	data.PartnerGovernment:   {[]string{"Councillor", "Head of community services", "Area manager"}, []string{"Community development officer", "Librarian", "Policy officer"}},
	data.PartnerEducation:    {[]string{"Head teacher", "Principal"}, []string{"Teacher", "Home-school liaison", "Student union officer"}},
	data.PartnerBusiness:     {[]string{"Owner", "Managing director"}, []string{"Shop manager", "Marketing assistant"}},
	data.PartnerResidents:    {[]string{"Chair", "Secretary"}, []string{"Treasurer", "Committee member"}},
	data.PartnerSocial:       {[]string{"Service manager", "Director"}, []string{"Social worker", "Public health nurse", "Case worker"}},
	data.PartnerNonProfit:    {[]string{"Chief executive", "Chair"}, []string{"Project worker", "Volunteer coordinator", "Fundraiser"}},
	data.PartnerFaith:        {[]string{"Parish priest", "Imam", "Pastor", "Chair of the parish council"}, []string{"Parish secretary", "Youth leader"}},
	data.PartnerFunder:       {[]string{"Chief executive", "Grants director"}, []string{"Grants officer", "Programme manager"}},
	data.PartnerMedia:        {[]string{"Editor", "Station manager"}, []string{"Reporter", "Producer"}},
	data.PartnerOther:        {[]string{"Chair", "Club secretary"}, []string{"Coach", "Committee member"}},
}

var kindDescriptions = map[data.PartnerKind]string{
	data.PartnerCommunityOrg: "A community organisation",
	data.PartnerGovernment:   "A local council office",
	data.PartnerEducation:    "A school",
	data.PartnerBusiness:     "A local business",
	data.PartnerResidents:    "A residents' group",
	data.PartnerSocial:       "A social services team",
	data.PartnerNonProfit:    "A charity",
	data.PartnerFaith:        "A faith community",
	data.PartnerFunder:       "A funder",
	data.PartnerMedia:        "A local media outlet",
	data.PartnerOther:        "A local club",
}

var partnerNotes = []string{
	"Met at the neighbourhood fair.",
	"Introduced by the parish council.",
	"Keen to join the summer festival next year.",
	"Annual report received; ask for the new one in spring.",
	"Moving to new premises later this year.",
	"Prefers to be contacted by phone rather than email.",
	"New chair elected at their last AGM.",
	"Could lend chairs and tables for big events.",
}

var contactNotes = []string{
	"Prefers calls in the morning.",
	"Works part-time: Tuesday to Thursday.",
	"Back from leave in September.",
	"Best reached on WhatsApp.",
	"Happy to speak at our AGM.",
	"Also volunteers at the food bank.",
}

var ourContributions = []offerIdea{
	{"Coordination of the partnership and the steering group", 2000, 12000},
	{"Volunteers from our befriending scheme", 1000, 6000},
	{"Our community room for sessions", 500, 4000},
	{"Outreach through our newsletter and door-knocking", 200, 1500},
	{"Small grant from our community chest", 500, 5000},
}

var ourResponsibilities = []string{
	"Coordinates the partnership, chairs the steering group and keeps the shared records.",
	"Recruits, trains and supports the volunteers.",
	"Reports to funders and to residents on what the partnership achieves.",
	"Organises the review meetings and circulates the minutes within a week.",
	"Promotes the activities through its newsletter and noticeboards.",
}

var partnerResponsibilities = []string{
	"Names one contact person who attends the steering group.",
	"Shares attendance figures every quarter.",
	"Tells the other parties at once about any change that affects the activities.",
	"Promotes the activities to the people it works with.",
	"Follows the safeguarding policy agreed by the parties.",
}

var governanceTexts = []string{
	"A steering group with one representative of each party meets %s. Decisions are taken by consensus; where consensus cannot be reached, the chair of the steering group decides after consulting every party.",
	"The named contacts meet %s to plan the work. Decisions that change the budget or the goals need the written agreement of every party.",
	"A joint working group meets %s and reports to the boards of the parties twice a year. Each party has one vote.",
}

var frequencies = []string{"weekly", "every two weeks", "monthly", "every two months", "quarterly"}

var channels = []string{"email", "phone", "video call", "WhatsApp group", "shared drive", "steering group meetings", "newsletter"}

var conflictTexts = []string{
	"Disagreements are first discussed between the named contacts. If they cannot be resolved within 30 days, they go to the steering group, and then to an independent mediator agreed by all parties.",
	"The parties will try in good faith to settle any disagreement by talking. Unresolved issues are taken to a mediator from the local mediation service, whose costs are shared equally.",
}

var confidentialityTexts = []string{
	"Each party keeps confidential any personal information about residents it learns through the partnership, and uses it only for the activities in this agreement.",
	"No personal data is shared under this agreement. Figures are exchanged only in anonymised, aggregated form.",
}

// dataSharingSchedule is the annex dataSharingText cites, printed after the signatures.
var dataSharingSchedule = "What is shared: a resident's name, phone number and the service they were referred to, and the date of the referral.\n" +
	"Why: so that the receiving party can contact the resident about the service they asked for.\n" +
	"Lawful basis: the resident's consent, recorded on the referral form.\n" +
	"How: by the parties' secure e-mail accounts only, never on paper or by text message.\n" +
	"How long: deleted six months after the referral, or at once when the resident asks."

var dataSharingText = "Personal data is shared only as set out in the data-sharing schedule, on the lawful basis stated there and in line with the GDPR. Each party names a data protection contact, keeps the data secure, and deletes it when the agreement ends."

var renewalTexts = []string{
	"The agreement may be renewed by mutual written agreement at the final review.",
	"The agreement renews for a further 12 months unless a party gives two months' notice before it ends.",
	"The parties will decide at the last review meeting whether to renew, and on what terms.",
}

// backgroundTexts take the theme (%[1]s) and a year (%[2]d).
var backgroundTexts = []string{
	"The parties first worked together in %[2]d during the winter food appeal.",
	"Residents raised %[1]s as a priority at the community needs survey in %[2]d.",
	"This agreement builds on an informal collaboration on %[1]s that began in %[2]d.",
	"The partnership grew out of the neighbourhood forum held in %[2]d.",
}

var terminationReasons = []string{
	"The partner's funding for the project ended.",
	"The partner merged with another organisation.",
	"Both parties agreed the goals had been met early.",
	"The partner could no longer provide the space.",
	"The partner closed its local office.",
}

var amendmentTexts = []string{
	"Sessions move from Tuesday to Wednesday evenings.",
	"The budget line for materials rises by €500, funded by the partner.",
	"A new contact person replaces the previous coordinator.",
	"The end date of the first goal moves back by three months.",
	"Saturday opening is extended until 2 pm.",
}

// clauseLibrary stands in for the reusable clause library.
var clauseLibrary = []data.Clause{
	{Heading: "Safeguarding", LibraryID: "safeguarding", Text: "Every party working with children or adults at risk follows its safeguarding policy and reports any concern to the designated person within 24 hours."},
	{Heading: "Insurance", LibraryID: "insurance", Text: "Each party keeps public liability insurance of at least €6.5 million for the activities it runs."},
	{Heading: "Photographs", LibraryID: "photos", Text: "Photographs of participants are taken and used only with their written consent, or a parent's consent for anyone under 18."},
	{Heading: "Use of names and logos", LibraryID: "logos", Text: "The parties may use each other's names and logos to describe the partnership, and for nothing else without permission."},
	{Heading: "Volunteers", LibraryID: "volunteers", Text: "Volunteers are supervised by the party that recruited them, which also covers their expenses."},
}

var scoreComments = [6][]string{
	1: {"We are rarely consulted before decisions are made.", "Meetings keep being cancelled at short notice.", "We feel our contribution is not recognised."},
	2: {"Communication has been patchy this year.", "Roles are still unclear.", "The workload falls mostly on us."},
	3: {"Works, but could be more regular.", "Good intentions; follow-through varies.", "Fine day to day, less so for planning."},
	4: {"Good working relationship.", "Decisions are well explained.", "Meetings are useful and well run."},
	5: {"Excellent: we feel like one team.", "Very open and respectful.", "Real progress we can all see."},
}

var strengthTexts = []string{
	"Strong trust between the coordinators, built over several years.",
	"Volunteers from both organisations work well together.",
	"The partnership reaches residents neither party reached alone.",
	"Clear, regular communication through the steering group.",
	"Goals were realistic and mostly met.",
	"Good use of each party's space and equipment.",
}

var challengeTexts = []string{
	"Staff turnover at the partner slowed the work for several months.",
	"Attendance dropped over the summer.",
	"Funding beyond next year is not yet secured.",
	"Not every party comes to the steering group.",
	"Materials are rarely available in residents' home languages.",
	"Figures are collected in different ways by each party.",
}

var actionTexts = []string{
	"Send the minutes to all partners",
	"Book the hall for the next meeting",
	"Draft the funding application",
	"Update the volunteer rota",
	"Share the survey results with residents",
	"Order the gazebo and tables",
	"Ask the council about the street-party permit",
	"Prepare a first draft of the MOU",
	"Collect attendance figures for the quarter",
	"Translate the flyer",
	"Agree a shared way of counting participants",
	"Invite the partner to the annual general meeting",
	"Renew the public liability insurance",
	"Find a second venue for the winter",
}

var customFigures = []struct{ label, unit string }{
	{"meals served", "meals"}, {"trees planted", "trees"}, {"laptops refurbished", "laptops"},
	{"advice sessions", "sessions"}, {"kilos of food saved", "kg"}, {"newsletters delivered", "copies"},
}

var callTopics = []string{"the summer festival", "the volunteer rota", "next year's funding", "the shared newsletter",
	"the community survey", "the review meeting", "a new venue", "the Christmas appeal"}

var eventNames = []string{"Neighbourhood clean-up day", "Summer street festival", "Winter warm-space opening",
	"Digital skills drop-in", "Intercultural dinner", "Health fair", "Jobs fair", "Tree-planting morning",
	"Open day", "Family fun run", "Repair café"}

var activitySummaries = map[data.ActivityKind][]string{
	"meeting": {"Reviewed progress on the shared goals and agreed the next steps.", "Planned the next quarter's activities.", "Discussed the draft agreement clause by clause."},
	"call":    {"Quick update; no problems raised.", "Agreed dates and who does what.", "Talked through a concern about attendance."},
	"event":   {"Well attended; many new faces.", "Rain kept numbers down, but the atmosphere was good.", "Ran smoothly thanks to the volunteers."},
	"visit":   {"Toured the premises and met the team.", "Saw the new garden beds and the kitchen.", "Checked the room is suitable for the sessions."},
}

var activityNotes = []string{
	"Bring the sign-in sheets next time.",
	"Their new coordinator starts next month.",
	"Photos are in the shared drive.",
	"Follow up about the insurance certificate.",
	"Accessible entrance is round the back.",
}

// needIdeas are needs residents raise, by theme.
var needIdeas = map[string][]string{
	"youth":                 {"After-school activities for 12–16 year olds", "Safe places for teenagers in the evening"},
	"housing":               {"Advice for tenants facing rent rises", "Damp and mould in social housing"},
	"food security":         {"Families skipping meals at the end of the month", "No fresh food shop within walking distance"},
	"elderly care":          {"Older people living alone without visitors", "Help with shopping for housebound residents"},
	"green spaces":          {"Too few trees and shade in summer", "A neglected park that nobody uses"},
	"digital inclusion":     {"Residents unable to book appointments online", "Children without a laptop for homework"},
	"health":                {"Long waits for a GP appointment", "Low take-up of health checks"},
	"employment":            {"Young people out of work and training", "Job seekers without recent CVs or references"},
	"arts":                  {"No affordable space for rehearsals", "Few cultural events close to home"},
	"safety":                {"Poor lighting on the way to the station", "Speeding traffic near the primary school"},
	"education":             {"Adults wanting language classes in the evening", "Homework help for primary pupils"},
	"migrants and refugees": {"Newly arrived families not knowing where to get help", "Interpreting at appointments"},
	"mental health":         {"Loneliness among young parents", "Long waits for counselling"},
	"disability":            {"Community venues without step-free access", "Few inclusive sports sessions"},
	"sport":                 {"No free sports sessions for girls", "Closed sports hall in the evenings"},
}

// needDescriptions take a number of people or households, from a few dozen to a few hundred.
var needDescriptions = []string{
	"Raised by several residents at the spring meeting; about %d households are affected.",
	"The residents' survey found %d people who named this as their top concern.",
	"Figures from the council show about %d families affected over the last three years.",
	"Partners working in the area report this again and again; roughly %d people would benefit.",
}
