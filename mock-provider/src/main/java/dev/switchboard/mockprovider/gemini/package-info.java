/** Gemini's generativelanguage v1beta wire format: generateContent, streamGenerateContent, models, errors. */
package dev.switchboard.mockprovider.gemini;
