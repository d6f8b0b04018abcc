import { FILES, MANIFEST_FILE } from '../../src/lib/domain/ledger/ledger';

/** The smallest valid set of files: one of everything, cross-referenced. Tests break one cell at a time. */
export function validFiles(): Record<string, string> {
	const manifest = {
		title: 'Fixture',
		version: '0',
		description: 'Fixture data for tests.',
		files: Object.entries(FILES).map(([kind, file]) => ({
			file,
			kind,
			description: 'fixture',
			provenance: 'written for tests',
			licence: 'CC0-1.0',
			coded_by: 'tests',
			coded_at: '2026-01-01',
			synthetic: true
		}))
	};
	return {
		[MANIFEST_FILE]: JSON.stringify(manifest),
		'frames.csv':
			'id,label,family,definition,cues,semeval_narrative,policy_frame\n' +
			'nato-threat,NATO as threat,russian-state,NATO presented as a threat.,near our borders;encirclement,Russia is the Victim,security-defense\n',
		'policy_frames.csv': 'id,label,definition,cues\nsecurity-defense,Security and defense,Threats and defence.,threat\n',
		'events.csv':
			'id,title,start_date,end_date,summary,source_urls,narratives\n' +
			'hague,The Hague summit,2025-06-24,2025-06-25,Allies met in The Hague.,https://example.org/a,Russia is the Victim\n',
		'claims.csv':
			'id,event_id,speaker,speaker_role,venue,date,language,quote,quote_original,quote_translation_by,paraphrase,frame_codes,coding_note,url\n' +
			'c1,hague,A Speaker,Minister,Press conference,2025-06-26,en,A short quote.,,,The speaker said something.,nato-threat,"""borders"" signals nato-threat",https://example.org/c1\n',
		'perspectives.csv':
			'id,event_id,claim_ids,source_name,source_type,relation,summary,quote,quote_language,quote_by,date,url\n' +
			'p1,hague,c1,NATO,intergovernmental-body,disputes,NATO said otherwise.,,,,2025-06-25,https://example.org/p1\n',
		'outlet_groups.csv': 'id,label,description\nrussian-state-media,Russian state media,Owned by the state.\n',
		'outlets.csv':
			'id,name,domain,country,language,group,group_basis,group_basis_url\n' +
			'tass,TASS,tass.com,RU,en,russian-state-media,State-owned.,https://example.org/basis\n',
		'coverage.csv':
			'date,outlet_id,event_id,frame_codes,frame_stances,language,title,title_kind,url\n' +
			'2025-06-25,tass,hague,nato-threat,reports,en,A headline,headline,https://example.org/article\n',
		'article.csv': 'n,text,frame_codes,claim_ids,note\n1,A sentence.,nato-threat,c1,A note.\n',
		'changelog.csv': 'date,file,change,reason,source\n2026-01-01,claims.csv,First release.,Initial data.,\n'
	};
}
