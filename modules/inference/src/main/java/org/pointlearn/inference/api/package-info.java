/** placeholder */
package org.pointlearn.inference.api;
